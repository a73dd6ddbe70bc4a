// `npm run start:sharded`: the gateway bot as several shards, one process each, run by discord.js's
// ShardingManager (Discord requires sharding from 2,500 servers). SHARD_COUNT sets how many; 'auto'
// (the default) takes Discord's recommendation. Every shard is `npm start`'s own entry (src/index.ts)
// with its shard ids in the environment; they share the quiz through the database, so set
// DATABASE_URL (PostgreSQL) for more than one shard. SIGINT/SIGTERM stop every shard cleanly.
// With METRICS_PORT, this process serves /healthz, /readyz and /metrics for all shards (the shards
// bind no port): every shard's series with a shard label, and the totals (src/ops/shard-metrics.ts).
import { fileURLToPath } from 'node:url';
import { REST, Routes, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { ShardingManager, type Shard } from 'discord.js';
import { fail, readConfig } from './app/startup.js';
import { createLogger, describeError, redact } from './log.js';
import { startOpsServer, type OpsServer } from './ops/health.js';

const NO_TOKEN = 'npm run start:sharded needs DISCORD_TOKEN: put it in .env (see .env.example).';
// Compiled (dist/sharded.js) each shard runs dist/index.js with plain node; from the sources (tests, dev)
// it runs src/index.ts through tsx.
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const SHARD_ENTRY = fileURLToPath(new URL(FROM_SOURCES ? './index.ts' : './index.js', import.meta.url));
/** Discord allows one IDENTIFY per 5 s per bucket; shards in one bucket may identify together. */
const IDENTIFY_INTERVAL_MS = 5500;

async function main(): Promise<number> {
  const config = readConfig();
  if (typeof config === 'number') return config;
  const token = config.token;
  if (!token) return fail(NO_TOKEN);
  const log = createLogger({ level: config.logLevel, secrets: [token] });

  let gateway: RESTGetAPIGatewayBotResult;
  try {
    const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(token);
    gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  } catch (error) {
    log.debug('GET /gateway/bot failed', { error: describeError(error) });
    const message = error instanceof Error ? error.message : String(error);
    return fail(redact(`Could not ask Discord how to shard: ${message}`, [token]));
  }
  const shards = config.shardCount === undefined || config.shardCount === 'auto' ? gateway.shards : config.shardCount;
  if (shards > 1 && !config.databaseUrl) {
    log.warn(
      'several shards share the SQLite file; set DATABASE_URL (PostgreSQL) for shards on more than one machine',
      { shards },
    );
  }

  const manager = new ShardingManager(SHARD_ENTRY, {
    token,
    totalShards: shards,
    mode: 'process',
    execArgv: FROM_SOURCES ? ['--import', 'tsx'] : ['--max-semi-space-size=1', '--max-old-space-size=192'],
    respawn: true,
  });
  let ops: OpsServer | undefined;
  if (config.metricsPort !== undefined) {
    const { shardedOpsRoutes } = await import('./ops/shard-metrics.js');
    try {
      ops = await startOpsServer(config.metricsPort, shardedOpsRoutes(manager, shards), log);
      log.info('serving health and metrics for all shards', {
        port: ops.port,
        paths: ['/healthz', '/readyz', '/metrics'],
      });
    } catch (error) {
      return fail(
        `METRICS_PORT: could not serve on port ${config.metricsPort}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  manager.on('shardCreate', (shard: Shard) => {
    log.info('shard starting', { shard: shard.id, of: shards });
    shard.on('death', (child) => {
      const code = 'exitCode' in child ? child.exitCode : null;
      if (!stopping) log.warn('shard exited; the manager starts it again', { shard: shard.id, code });
    });
  });

  let stopping = false;
  const stopAll = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal, shards: manager.shards.size });
    // Each shard gets SIGTERM and closes its quiz and connection itself; wait for all of them.
    await Promise.all(
      [...manager.shards.values()].map((shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null) return Promise.resolve();
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        // Shard.kill() sends SIGTERM without the manager's respawn on exit.
        shard.kill();
        return exited;
      }),
    );
    await ops?.close();
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stopAll(signal));
  process.on('SIGTERM', (signal) => void stopAll(signal));

  const together = gateway.session_start_limit.max_concurrency >= shards;
  try {
    await manager.spawn({ amount: shards, delay: together ? 0 : IDENTIFY_INTERVAL_MS, timeout: 120_000 });
  } catch (error) {
    stopping = true;
    for (const shard of manager.shards.values()) shard.kill();
    await ops?.close();
    // The shard that failed printed its own one-line reason on the shared stderr.
    log.debug('a shard failed to start', { error: describeError(error) });
    return fail(
      `A shard could not start (${error instanceof Error ? error.message : String(error)}); see its message above.`,
    );
  }
  log.info('all shards ready', { shards });
  return 0; // the shards keep the process alive until a signal stops them
}

process.exitCode = await main();
