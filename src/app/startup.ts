// What every server entry point (`npm start`, `npm run start:http`) does first: read .env and the
// configuration (as `npm run deploy` does too), load the dataset and open the quiz database. A problem
// that a person must fix ends as one clear line on stderr and exit code 1, never a stack trace, never
// the token. And what each server does last: stop cleanly on SIGINT or SIGTERM.
import { ConfigError, loadConfig, loadDotenv, type Config } from '../config.js';
import { DataError } from '../data/load.js';
import { createLogger, describeError, type Logger } from '../log.js';
import { SchemaTooNewError } from '../storage/migrations.js';
import { DatabaseOpenError } from '../storage/sqlite.js';
import type { App } from './app.js';
import { createApp } from './create.js';

export interface Started {
  config: Config;
  log: Logger;
  app: App;
}

/** Writes `message` to stderr; returns the exit code of an entry point that could not do its job. */
export function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

/** The configuration from .env and the environment, or the exit code after saying what is wrong. */
export function readConfig(): Config | number {
  loadDotenv();
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError)
      return fail(`Configuration error (check .env; see .env.example):\n${error.message}`);
    throw error;
  }
}

/** The configured App, or the exit code after saying what is wrong. */
export async function startApp(): Promise<Started | number> {
  const config = readConfig();
  if (typeof config === 'number') return config;
  try {
    const log = createLogger({ level: config.logLevel, secrets: config.token ? [config.token] : [] });
    const app = createApp({ databasePath: config.databasePath, logger: log });
    await app.quiz.open();
    return { config, log, app };
  } catch (error) {
    if (error instanceof DataError) return fail(error.message);
    if (error instanceof DatabaseOpenError || error instanceof SchemaTooNewError)
      return fail(`DATABASE_PATH: ${error.message}`);
    throw error;
  }
}

/**
 * On SIGINT or SIGTERM: `stopFrontEnd`, then close the quiz (running games are marked interrupted and
 * the database closes cleanly), then exit 0, or 1 if either failed. Returns a function that removes
 * the listeners; once a signal is being handled they stay, so a second one cannot kill the process
 * halfway through closing the database.
 */
export function exitOnSignal(app: App, log: Logger, stopFrontEnd: () => Promise<void>): () => void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    stopFrontEnd()
      .then(() => app.quiz.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('shutdown failed', { error: describeError(error) });
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    if (stopping) return;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
