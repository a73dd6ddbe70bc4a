// Builds the App once per process: load and validate the dataset, index it for the resolver.
import { readFileSync } from 'node:fs';
import { loadDataset } from '../data/load.js';
import { seededRandom } from '../domain/random.js';
import { createResolver } from '../domain/resolve.js';
import type { App } from './app.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export interface AppOptions {
  dataDir?: string;
  now?: () => Date;
  /** Fixes the random source (quiz questions) for reproducible output. */
  seed?: number;
}

export function createApp(options: AppOptions = {}): App {
  const data = loadDataset(options.dataDir);
  return {
    data,
    resolver: createResolver(data),
    version: packageJson.version,
    now: options.now ?? (() => new Date()),
    random: options.seed === undefined ? Math.random : seededRandom(options.seed),
  };
}
