// `npm run start:http`: serve Discord's HTTP interactions endpoint (POST /interactions on PORT)
// instead of connecting to the gateway, for hosting the bot as a web service. Set the application's
// Interactions Endpoint URL in the Developer Portal to https://<your host>/interactions.
import { exitOnSignal, fail, startApp } from './app/startup.js';
import { createInteractionsServer, INTERACTIONS_PATH, type InteractionsServer } from './discord/http.js';
import { describeError } from './log.js';

const NO_KEY =
  'npm run start:http needs DISCORD_PUBLIC_KEY (Developer Portal → General Information → Public Key): put it in .env (see .env.example).';

async function main(): Promise<number> {
  const started = await startApp();
  if (typeof started === 'number') return started;
  const { config, log, app } = started;
  if (!config.publicKey) return fail(NO_KEY);

  let endpoint: InteractionsServer;
  try {
    endpoint = await createInteractionsServer(app, {
      publicKey: config.publicKey,
      log,
      ...(config.token ? { token: config.token } : {}),
      ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
    });
    const port = await endpoint.listen(config.port);
    log.info('listening', { port, path: INTERACTIONS_PATH });
  } catch (error) {
    log.debug('could not start the endpoint', { error: describeError(error) });
    return fail(`Could not serve on port ${config.port}: ${error instanceof Error ? error.message : String(error)}`);
  }

  exitOnSignal(app, log, () => endpoint.close());
  return 0; // the server keeps the process alive until a signal stops it
}

process.exitCode = await main();
