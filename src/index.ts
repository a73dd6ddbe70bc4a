// `npm start`: with DISCORD_TOKEN, connect to Discord; without, open the offline console, which
// answers the same commands as text. Configuration and data errors stop here with one clear message.
// With METRICS_PORT, /healthz, /readyz and /metrics are served there from before the connection.
import { Status } from 'discord.js';
import { fail, startApp } from './app/startup.js';
import { describeLoginError, startGateway, type GatewayHandle } from './discord/client.js';
import type { HandledInteraction } from './discord/router.js';
import { describeError, redact } from './log.js';
import { startOpsServer, type OpsServer } from './ops/health.js';

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

  let gateway: GatewayHandle | undefined;
  const connected = () => gateway?.client.ws.status === Status.Ready;
  let ops: OpsServer | undefined;
  let observe: ((handled: HandledInteraction) => void) | undefined;
  if (config.metricsPort !== undefined) {
    const { createMetrics } = await import('./ops/metrics.js');
    const metrics = createMetrics({
      app,
      gateway: () => ({ connected: connected(), pingMs: gateway?.client.ws.ping ?? -1 }),
    });
    observe = (handled) => metrics.observeInteraction(handled);
    try {
      ops = await startOpsServer(
        config.metricsPort,
        { readiness: () => ({ gateway: connected(), database: app.quiz.databaseOpen }), metrics },
        log,
      );
      log.info('serving health and metrics', { port: ops.port, paths: ['/healthz', '/readyz', '/metrics'] });
    } catch (error) {
      app.quiz.close();
      return fail(
        `METRICS_PORT: could not serve on port ${config.metricsPort}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  try {
    gateway = await startGateway(app, config, { log, ...(observe ? { onHandled: observe } : {}) });
    return 0; // the client keeps the process alive until a signal stops it
  } catch (error) {
    log.debug('login failed', { error: describeError(error) });
    await ops?.close();
    return fail(redact(describeLoginError(error), [config.token]));
  }
}

process.exitCode = await main();
