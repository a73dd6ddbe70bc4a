// `npm start`: with DISCORD_TOKEN, connect to Discord; without, open the offline console, which
// answers the same commands as text. Configuration and data errors stop here with one clear message.
// With METRICS_PORT, /healthz, /readyz and /metrics are served there from before the connection; as a
// shard of `npm run start:sharded`, the manager serves them for all shards and this process shares its own.
import { Status } from 'discord.js';
import { fail, shardOfProcess, startApp } from './app/startup.js';
import { describeLoginError, startGateway, type GatewayHandle } from './discord/client.js';
import type { HandledInteraction } from './discord/router.js';
import { describeError, redact } from './log.js';
import { startOpsServer, type OpsServer } from './ops/health.js';
import type { Metrics } from './ops/metrics.js';

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
  const shard = shardOfProcess();
  const readiness = () => ({ gateway: connected(), database: app.quiz.databaseOpen });
  let metrics: Metrics | undefined;
  if (config.metricsPort !== undefined) {
    const created = (await import('./ops/metrics.js')).createMetrics({
      app,
      gateway: () => ({
        connected: connected(),
        pingMs: gateway?.client.ws.ping ?? -1,
        guilds: gateway?.client.guilds.cache.size ?? 0,
      }),
      ...(shard !== undefined ? { labels: { shard } } : {}),
    });
    metrics = created;
    observe = (handled) => created.observeInteraction(handled);
  }
  // A shard binds no port: the manager serves METRICS_PORT for all shards.
  if (config.metricsPort !== undefined && metrics && shard === undefined) {
    try {
      ops = await startOpsServer(config.metricsPort, { readiness, metrics }, log);
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
    if (metrics && shard !== undefined)
      (await import('./ops/metrics.js')).shareWithManager(gateway.client, metrics, readiness);
    return 0; // the client keeps the process alive until a signal stops it
  } catch (error) {
    log.debug('login failed', { error: describeError(error) });
    await ops?.close();
    return fail(redact(describeLoginError(error), [config.token]));
  }
}

process.exitCode = await main();
