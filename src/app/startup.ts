// What every server entry point (`npm start`, `npm run start:http`) does first: read .env and the
// configuration (as `npm run deploy` does too), load the dataset and open the quiz database. A problem
// that a person must fix ends as one clear line on stderr and exit code 1, never a stack trace, never
// the token. And what each server does last: stop cleanly on SIGINT or SIGTERM.
import { hostname } from 'node:os';
import { ConfigError, loadConfig, loadDotenv, type Config } from '../config.js';
import { DataError } from '../data/load.js';
import { createLogger, describeError, redact, type Logger } from '../log.js';
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

/**
 * The configured App, or the exit code after saying what is wrong. The database is opened, checked
 * and cleaned up (games of dead processes closed) here, before the bot says it is ready: any failure
 * of that, whatever the engine says, is one line naming the setting, never a stack.
 */
export async function startApp(): Promise<Started | number> {
  const config = readConfig();
  if (typeof config === 'number') return config;
  let app: App;
  const log = createLogger({ level: config.logLevel, secrets: config.token ? [config.token] : [] });
  try {
    app = createApp({
      databasePath: config.databasePath,
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
      ...(config.leaseSeconds ? { leaseMs: config.leaseSeconds * 1000 } : {}),
      ...instanceIdOf(config),
      logger: log,
    });
  } catch (error) {
    if (error instanceof DataError) return fail(error.message);
    throw error;
  }
  try {
    await app.quiz.open();
  } catch (error) {
    await app.quiz.close().catch(() => undefined);
    log.debug('could not open the database', { error: describeError(error) });
    const setting = config.databaseUrl ? 'DATABASE_URL' : 'DATABASE_PATH';
    const message = error instanceof Error ? error.message : String(error);
    const named = message.startsWith('cannot open the database') ? message : `cannot use the database: ${message}`;
    return fail(
      redact(`${setting}: ${named}`.replace(/\s*\n\s*/g, ' '), config.databaseUrl ? [config.databaseUrl] : []),
    );
  }
  return { config, log, app };
}

/** This process's shard id when `npm run start:sharded` runs it (discord.js sets these variables). */
export function shardOfProcess(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.SHARDING_MANAGER === 'true' && /^\d+$/.test(env.SHARDS ?? '') ? env.SHARDS : undefined;
}

/**
 * The owner name of this process's quiz games. A shard run by `npm run start:sharded` (discord.js
 * sets SHARDING_MANAGER and SHARDS) is "<INSTANCE_ID or host name>/shard-<id>", the same across
 * restarts of that shard; otherwise INSTANCE_ID, or a name unique to this process when unset.
 */
export function instanceIdOf(config: Config, env: NodeJS.ProcessEnv = process.env): { instanceId?: string } {
  const shard = shardOfProcess(env);
  if (shard !== undefined) return { instanceId: `${config.instanceId ?? hostname()}/shard-${shard}` };
  return config.instanceId ? { instanceId: config.instanceId } : {};
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
