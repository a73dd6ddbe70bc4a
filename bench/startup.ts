// Start-up figures: how long the dataset takes to load and validate, the resolver's indexes to
// build, and what the process holds in memory once the App is ready (before any request).
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app/create.js';
import { loadDataset } from '../src/data/load.js';
import { createResolver } from '../src/domain/resolve.js';
import { round } from './stats.js';

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);
const ms = (n: number) => round(n, 3);

export async function benchStartup(): Promise<Record<string, number | string>> {
  // The first App is the one a real start builds: cold caches, nothing warmed up.
  const t0 = performance.now();
  const app = createApp({ databasePath: ':memory:' });
  const coldApp = performance.now() - t0;
  const sinceProcessStart = process.uptime() * 1000;
  const rss = process.memoryUsage().rss;

  const t1 = performance.now();
  const data = loadDataset();
  const load = performance.now() - t1;
  const t2 = performance.now();
  createResolver(data);
  const index = performance.now() - t2;

  return {
    'cities in dataset': app.data.cities.length,
    'process start → app ready (ms, in the bench process: incl. tsx and module loading)': Math.round(sinceProcessStart),
    'createApp, cold (ms)': ms(coldApp),
    'dataset load + validation, warm (ms)': ms(load),
    'resolver index build, warm (ms)': ms(index),
    'RSS after start (MB)': mb(rss),
  };
}
