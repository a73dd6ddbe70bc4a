// `npm start`: with DISCORD_TOKEN, connect to Discord; without, open the offline console, which
// answers the same commands as text. Configuration and data errors stop here with one clear message.
import { createApp } from './app/create.js';
import type { App } from './app/app.js';
import { ConfigError, loadConfig, loadDotenv, type Config } from './config.js';
import { DataError } from './data/load.js';
import { describeLoginError, startGateway } from './discord/client.js';
import { createLogger, describeError, redact, type Logger } from './log.js';

const NO_TOKEN_HINT =
  'No DISCORD_TOKEN set: starting the offline console. To connect to Discord, put DISCORD_TOKEN in .env (see .env.example).';

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

async function main(): Promise<number> {
  loadDotenv();
  let config: Config;
  let app: App;
  let log: Logger;
  try {
    config = loadConfig();
    log = createLogger({ level: config.logLevel, secrets: config.token ? [config.token] : [] });
    app = createApp({ databasePath: config.databasePath, logger: log });
  } catch (error) {
    if (error instanceof ConfigError) return fail(`Configuration error (check .env; see .env.example):\n${error.message}`);
    if (error instanceof DataError) return fail(error.message);
    throw error;
  }

  if (!config.token) {
    process.stderr.write(`${NO_TOKEN_HINT}\n`);
    const { runInteractiveConsole } = await import('./console/interactive.js');
    await runInteractiveConsole(app);
    app.quiz.close();
    return 0;
  }

  try {
    await startGateway(app, config, { log });
    return 0; // the client keeps the process alive until a signal stops it
  } catch (error) {
    log.debug('login failed', { error: describeError(error) });
    return fail(redact(describeLoginError(error), [config.token]));
  }
}

process.exitCode = await main();
