// Builds the App once per process: load and validate the dataset, index it for the resolver.
import { readFileSync } from 'node:fs';
import { DEFAULTS } from '../config.js';
import { loadDataset } from '../data/load.js';
import { passageIndex } from '../domain/ask/index.js';
import { seededRandom } from '../domain/random.js';
import { createResolver } from '../domain/resolve.js';
import type { Logger } from '../log.js';
import { openStorage } from '../storage/open.js';
import type { App } from './app.js';
import { QuizService, type Scheduler } from './quiz-service.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export interface AppOptions {
  dataDir?: string;
  now?: () => Date;
  /** Fixes the random source (quiz questions) for reproducible output. */
  seed?: number;
  /** The quiz database (DATABASE_PATH); default var/youcheng.sqlite, ':memory:' for tests. Opened on first use. */
  databasePath?: string;
  /** postgres://… (DATABASE_URL): the quiz lives in PostgreSQL instead; databasePath is then unused. */
  databaseUrl?: string;
  /** This process's name as owner of quiz games (see QuizServiceOptions.instanceId). */
  instanceId?: string;
  /** How long this process's claim on its quiz games lasts unrenewed (QUIZ_LEASE_SECONDS). */
  leaseMs?: number;
  /** Quiz timers; tests pass one driven by fake timers. */
  quizScheduler?: Scheduler;
  /** Pause between a quiz answer's reveal and the next question, in ms. */
  quizRevealMs?: number;
  /** Where the quiz reports failures (a channel that refuses messages, a database error). */
  logger?: Logger;
}

export function createApp(options: AppOptions = {}): App {
  const data = loadDataset(options.dataDir);
  // /ask's sentence index, built at start rather than on the first question.
  passageIndex(data);
  const now = options.now ?? (() => new Date());
  const random = options.seed === undefined ? Math.random : seededRandom(options.seed);
  const databasePath = options.databasePath ?? DEFAULTS.databasePath;
  return {
    data,
    resolver: createResolver(data),
    version: packageJson.version,
    now,
    random,
    quiz: new QuizService({
      data,
      random,
      now,
      openStorage: () => openStorage({ url: options.databaseUrl, path: databasePath }),
      ...(options.quizScheduler ? { scheduler: options.quizScheduler } : {}),
      ...(options.quizRevealMs !== undefined ? { revealMs: options.quizRevealMs } : {}),
      ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
      ...(options.instanceId ? { instanceId: options.instanceId } : {}),
      ...(options.logger ? { log: options.logger } : {}),
    }),
  };
}
