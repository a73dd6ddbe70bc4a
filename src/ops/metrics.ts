// Prometheus metrics with prom-client, for GET /metrics. Loaded only when METRICS_PORT is set (the
// library and its default collectors cost ~10 MB of memory a bot without metrics need not pay).
// Counters count since this process started, as Prometheus expects; gauges are read when scraped.
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  type MetricObjectWithValues,
  type MetricValue,
  Registry,
} from 'prom-client';
import type { App } from '../app/app.js';
import type { HandledInteraction } from '../discord/router.js';
import { imageCache } from '../render/image/cache.js';
import { SHARD_OPS_PROPERTY, type ShardOpsSnapshot } from './shard-metrics.js';

export interface GatewayState {
  connected: boolean;
  /** Heartbeat round trip in ms; negative or NaN before the first one. */
  pingMs: number;
  /** Servers this connection (shard) serves. */
  guilds?: number;
}

export interface MetricsSources {
  app: App;
  /** Absent in HTTP mode, which has no gateway. */
  gateway?: () => GatewayState;
  /** Added to every series: { shard: "0" } in a shard process, so the manager keeps shards apart. */
  labels?: Record<string, string>;
}

export interface Metrics {
  contentType: string;
  observeInteraction(handled: HandledInteraction): void;
  /** The exposition text for a scrape. */
  render(): Promise<string>;
  /** Every series as data, for the sharding manager to gather (prom-client's getMetricsAsJSON). */
  json(): Promise<MetricObjectWithValues<MetricValue<string>>[]>;
}

/**
 * Makes this shard's metrics and readiness available to the sharding manager (src/sharded.ts), which
 * serves /metrics, /healthz and /readyz for all shards on METRICS_PORT: the shards bind no port.
 */
export function shareWithManager(client: object, metrics: Metrics, readiness: () => Record<string, boolean>): void {
  const snapshot = async (): Promise<ShardOpsSnapshot> => ({ checks: readiness(), metrics: await metrics.json() });
  Object.defineProperty(client, SHARD_OPS_PROPERTY, { value: snapshot });
}

export function createMetrics({ app, gateway, labels }: MetricsSources): Metrics {
  const registry = new Registry();
  if (labels) registry.setDefaultLabels(labels);
  // Process CPU, memory, handles, GC, and nodejs_eventloop_lag_seconds (event-loop lag).
  collectDefaultMetrics({ register: registry, prefix: 'youcheng_' });

  const interactions = new Counter({
    name: 'youcheng_interactions_total',
    help: 'Interactions handled, by kind, command and outcome (ok, user_error, error).',
    labelNames: ['kind', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'youcheng_interaction_duration_seconds',
    help: 'From receiving an interaction to its answer being sent, by kind and command.',
    labelNames: ['kind', 'command'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  if (gateway) {
    new Gauge({
      name: 'youcheng_gateway_connected',
      help: '1 while the gateway connection is ready, else 0.',
      registers: [registry],
      collect() {
        this.set(gateway().connected ? 1 : 0);
      },
    });
    new Gauge({
      name: 'youcheng_gateway_ping_seconds',
      help: 'Round trip of the last gateway heartbeat.',
      registers: [registry],
      collect() {
        const { pingMs } = gateway();
        if (Number.isFinite(pingMs) && pingMs >= 0) this.set(pingMs / 1000);
      },
    });
    new Gauge({
      name: 'youcheng_guilds',
      help: 'Servers (guilds) this gateway connection serves.',
      registers: [registry],
      collect() {
        this.set(gateway().guilds ?? 0);
      },
    });
  }
  new Gauge({
    name: 'youcheng_quiz_games_running',
    help: 'Quiz games in progress in this process.',
    registers: [registry],
    collect() {
      this.set(app.quiz.runningGames);
    },
  });
  new Counter({
    name: 'youcheng_quiz_answers_recorded_total',
    help: 'Quiz answers saved since start.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(app.quiz.answersRecorded);
    },
  });
  const images = new Counter({
    name: 'youcheng_image_cache_lookups_total',
    help: 'Image requests served from the cache (hit) or drawn (miss).',
    labelNames: ['result'] as const,
    registers: [registry],
    collect() {
      const cache = imageCache(app.data);
      images.reset();
      images.inc({ result: 'hit' }, cache.hits);
      images.inc({ result: 'miss' }, cache.misses);
    },
  });

  return {
    contentType: registry.contentType,
    observeInteraction(handled) {
      interactions.inc({ kind: handled.kind, command: handled.command, outcome: handled.outcome });
      latency.observe({ kind: handled.kind, command: handled.command }, handled.seconds);
    },
    render: () => registry.metrics(),
    json: () => registry.getMetricsAsJSON(),
  };
}
