// What every server entry point (`npm start`, `npm run start:http`) does first: read .env and the
// configuration, load the dataset and open the quiz database. A problem that a person must fix ends
// as one clear line on stderr and exit code 1, never a stack trace, never the token.
import { ConfigError, loadConfig, loadDotenv, type Config } from '../config.js';
import { DataError } from '../data/load.js';
import { createLogger, type Logger } from '../log.js';
import { SchemaTooNewError } from '../storage/migrations.js';
import { DatabaseOpenError } from '../storage/sqlite.js';
import type { App } from './app.js';
import { createApp } from './create.js';

export interface Started {
  config: Config;
  log: Logger;
  app: App;
}

/** Writes `message` to stderr; returns the exit code for a failed start. */
export function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

/** The configured App, or the exit code after saying what is wrong. */
export async function startApp(): Promise<Started | number> {
  loadDotenv();
  try {
    const config = loadConfig();
    const log = createLogger({ level: config.logLevel, secrets: config.token ? [config.token] : [] });
    const app = createApp({ databasePath: config.databasePath, logger: log });
    await app.quiz.open();
    return { config, log, app };
  } catch (error) {
    if (error instanceof ConfigError) return fail(`Configuration error (check .env; see .env.example):\n${error.message}`);
    if (error instanceof DataError) return fail(error.message);
    if (error instanceof DatabaseOpenError || error instanceof SchemaTooNewError) return fail(`DATABASE_PATH: ${error.message}`);
    throw error;
  }
}
