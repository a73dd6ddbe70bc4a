// `npm run start:http`: serve Discord's HTTP interactions endpoint (POST /interactions on PORT)
// instead of connecting to the gateway, for hosting the bot as a web service. Set the application's
// Interactions Endpoint URL in the Developer Portal to https://<your host>/interactions.
// /healthz and /readyz are answered on PORT too; /metrics on METRICS_PORT when set (PORT included).
import { exitOnSignal, fail, startApp } from './app/startup.js';
import { createInteractionsServer, INTERACTIONS_PATH, type InteractionsServer } from './discord/http.js';
import { describeError } from './log.js';
import { startOpsServer, type OpsRoutes, type OpsServer } from './ops/health.js';
import type { Metrics } from './ops/metrics.js';

const NO_KEY =
  'npm run start:http needs DISCORD_PUBLIC_KEY (Developer Portal → General Information → Public Key): put it in .env (see .env.example).';

async function main(): Promise<number> {
  const started = await startApp();
  if (typeof started === 'number') return started;
  const { config, log, app } = started;
  if (!config.publicKey) return fail(NO_KEY);

  let metrics: Metrics | undefined;
  if (config.metricsPort !== undefined) metrics = (await import('./ops/metrics.js')).createMetrics({ app });
  const metricsApart = config.metricsPort !== undefined && config.metricsPort !== config.port;
  const readiness = () => ({ database: app.quiz.databaseOpen });
  const onPort: OpsRoutes = { readiness, ...(metrics && !metricsApart ? { metrics } : {}) };

  let endpoint: InteractionsServer;
  let ops: OpsServer | undefined;
  try {
    endpoint = await createInteractionsServer(app, {
      publicKey: config.publicKey,
      log,
      ops: onPort,
      ...(metrics ? { onHandled: (handled) => metrics.observeInteraction(handled) } : {}),
      ...(config.token ? { token: config.token } : {}),
      ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
    });
    const port = await endpoint.listen(config.port);
    log.info('listening', { port, path: INTERACTIONS_PATH });
  } catch (error) {
    log.debug('could not start the endpoint', { error: describeError(error) });
    return fail(`Could not serve on port ${config.port}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (metricsApart && metrics) {
    try {
      const listening = () => endpoint.server.listening;
      ops = await startOpsServer(
        config.metricsPort!,
        { readiness: () => ({ listening: listening(), ...readiness() }), metrics },
        log,
      );
      log.info('serving health and metrics', { port: ops.port, paths: ['/healthz', '/readyz', '/metrics'] });
    } catch (error) {
      await endpoint.close();
      app.quiz.close();
      return fail(
        `METRICS_PORT: could not serve on port ${config.metricsPort}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  exitOnSignal(app, log, async () => {
    await ops?.close();
    await endpoint.close();
  });
  return 0; // the server keeps the process alive until a signal stops it
}

process.exitCode = await main();
