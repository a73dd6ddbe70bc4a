// /metrics, /healthz and /readyz for `npm run start:sharded`, served by the manager on METRICS_PORT.
// Each shard process keeps its own prom-client registry, every series labelled with its shard id, and
// binds no port (src/ops/metrics.ts shareWithManager). At each scrape the manager asks every shard for
// its series and readiness checks (discord.js's Shard.eval over the IPC channel), merges the series
// with prom-client's AggregatorRegistry.aggregate (the shard label keeps shards apart) and adds the
// totals over all shards, as /about shows them.
import type { Shard, ShardingManager } from 'discord.js';
import {
  AggregatorRegistry,
  collectDefaultMetrics,
  Gauge,
  type MetricObjectWithValues,
  type MetricValue,
  Registry,
} from 'prom-client';
import type { MetricsText, OpsRoutes } from './health.js';

type Series = MetricObjectWithValues<MetricValue<string>>[];

/** What a shard process hands the manager when asked: its readiness checks and metrics. */
export interface ShardOpsSnapshot {
  checks: Record<string, boolean>;
  metrics: Series;
}

/** The property of a shard's discord.js client that the manager's eval calls. */
export const SHARD_OPS_PROPERTY = 'youchengOps';

/** A shard that has not answered by then counts as not answering (a scrape must not hang). */
const ASK_TIMEOUT_MS = 3000;

/** The figures summed over all shards, from each shard's series of the same name. */
const TOTALS: readonly [name: string, from: string, help: string][] = [
  ['youcheng_shards_connected', 'youcheng_gateway_connected', 'Shards whose gateway connection is ready.'],
  ['youcheng_total_guilds', 'youcheng_guilds', 'Servers (guilds) over all shards.'],
  ['youcheng_total_quiz_games_running', 'youcheng_quiz_games_running', 'Quiz games in progress over all shards.'],
  [
    'youcheng_total_interactions',
    'youcheng_interactions_total',
    'Interactions handled over all shards since each started (a gauge: a restarted shard starts again from 0).',
  ],
  [
    'youcheng_total_quiz_answers_recorded',
    'youcheng_quiz_answers_recorded_total',
    'Quiz answers saved over all shards since each started.',
  ],
];

function running(shard: Shard | undefined): boolean {
  const child = shard?.process;
  return Boolean(child && child.exitCode === null && child.signalCode === null);
}

async function ask(shard: Shard | undefined): Promise<ShardOpsSnapshot | null> {
  if (!shard || !running(shard)) return null;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ASK_TIMEOUT_MS);
    timer.unref();
  });
  // Evaluated in the shard with `this` its client; null until the shard is connected and sharing.
  const script = `this.${SHARD_OPS_PROPERTY} ? this.${SHARD_OPS_PROPERTY}() : null`;
  try {
    const answer = (await Promise.race([shard.eval(script) as Promise<ShardOpsSnapshot | null>, timeout])) ?? null;
    return answer && Array.isArray(answer.metrics) ? answer : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** Every shard's answer, by shard id (0 to totalShards - 1); null for a shard that did not answer. */
async function gather(manager: ShardingManager, totalShards: number): Promise<(ShardOpsSnapshot | null)[]> {
  return Promise.all(Array.from({ length: totalShards }, (_, id) => ask(manager.shards.get(id))));
}

function sumOf(series: readonly Series[], name: string): number {
  let total = 0;
  for (const list of series)
    for (const metric of list) if (metric.name === name) for (const value of metric.values) total += value.value;
  return total;
}

/** The manager's own figures: shards up, totals, and its process's memory and CPU. */
function managerSeries(answers: readonly (ShardOpsSnapshot | null)[], defaults: Registry): Registry[] {
  const registry = new Registry();
  const series = answers.flatMap((a) => (a ? [a.metrics] : []));
  new Gauge({ name: 'youcheng_shards', help: 'Shard processes configured.', registers: [registry] }).set(
    answers.length,
  );
  const up = new Gauge({
    name: 'youcheng_shard_up',
    help: '1 when the shard process answered this scrape, else 0.',
    labelNames: ['shard'] as const,
    registers: [registry],
  });
  answers.forEach((answer, id) => up.set({ shard: String(id) }, answer ? 1 : 0));
  for (const [name, from, help] of TOTALS) new Gauge({ name, help, registers: [registry] }).set(sumOf(series, from));
  return [registry, defaults];
}

/** The ops routes of the sharding manager for `totalShards` shards. */
export function shardedOpsRoutes(manager: ShardingManager, totalShards: number): OpsRoutes {
  const defaults = new Registry();
  collectDefaultMetrics({ register: defaults, prefix: 'youcheng_manager_' });
  const metrics: MetricsText = {
    contentType: defaults.contentType,
    async render() {
      const answers = await gather(manager, totalShards);
      const shards = AggregatorRegistry.aggregate(answers.flatMap((a) => (a ? [a.metrics] : [])));
      return Registry.merge([shards as Registry, ...managerSeries(answers, defaults)]).metrics();
    },
  };
  return {
    // Alive while every shard started so far has a running process (the manager restarts one that exits).
    liveness: () =>
      Object.fromEntries([...manager.shards.values()].map((shard) => [`shard ${shard.id} process`, running(shard)])),
    async readiness() {
      const answers = await gather(manager, totalShards);
      const checks: Record<string, boolean> = {};
      answers.forEach((answer, id) => {
        if (!answer) checks[`shard ${id}`] = false;
        else for (const [name, ok] of Object.entries(answer.checks)) checks[`shard ${id} ${name}`] = ok;
      });
      return checks;
    },
    metrics,
  };
}
