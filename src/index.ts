// `npm start`: with DISCORD_TOKEN, connect to Discord; without, open the offline console, which
// answers the same commands as text. Configuration and data errors stop here with one clear message.
import { fail, startApp } from './app/startup.js';
import { describeLoginError, startGateway } from './discord/client.js';
import { describeError, redact } from './log.js';

const NO_TOKEN_HINT =
  'No DISCORD_TOKEN set: starting the offline console. To connect to Discord, put DISCORD_TOKEN in .env (see .env.example).';

async function main(): Promise<number> {
  const started = await startApp();
  if (typeof started === 'number') return started;
  const { config, log, app } = started;

  if (!config.token) {
    process.stderr.write(`${NO_TOKEN_HINT}\n`);
    const { runInteractiveConsole } = await import('./console/interactive.js');
    await runInteractiveConsole(app);
    await app.quiz.close();
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
