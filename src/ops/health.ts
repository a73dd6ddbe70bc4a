// The endpoints operators and orchestrators poll: GET /healthz (the process is alive and serving),
// GET /readyz (it can do its job: gateway connected or HTTP endpoint listening, database open; 503
// with the failing checks otherwise) and GET /metrics (Prometheus text, when metrics are on).
// Served on METRICS_PORT by a small server of their own, or by the interactions endpoint itself; under
// `npm run start:sharded`, by the manager for all shards (src/ops/shard-metrics.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeError, type Logger } from '../log.js';

export const OPS_PATHS = ['/healthz', '/readyz', '/metrics'] as const;

/** Named checks, each true when fine; ready when all are. */
export type ReadinessChecks = () => Record<string, boolean> | Promise<Record<string, boolean>>;

/** What /metrics needs: prom-client's text and its content type. */
export interface MetricsText {
  contentType: string;
  render(): Promise<string>;
}

export interface OpsRoutes {
  readiness: ReadinessChecks;
  /** Checks for /healthz (the sharding manager: every shard process running); absent → always ok. */
  liveness?: () => Record<string, boolean>;
  metrics?: MetricsText;
}

function reply(res: ServerResponse, status: number, body: string, contentType = 'application/json'): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** Answers `req` if it asks for one of OPS_PATHS; false (nothing written) otherwise. */
export function serveOps(req: IncomingMessage, res: ServerResponse, routes: OpsRoutes, log: Logger): boolean {
  const path = (req.url ?? '').split('?')[0];
  if (!(OPS_PATHS as readonly string[]).includes(path ?? '') || (path === '/metrics' && !routes.metrics)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return true;
  }
  if (path === '/healthz') {
    const checks = routes.liveness?.();
    if (!checks) reply(res, 200, '{"status":"ok"}');
    else {
      const alive = Object.values(checks).every(Boolean);
      reply(res, alive ? 200 : 503, JSON.stringify({ status: alive ? 'ok' : 'not ok', checks }));
    }
  } else if (path === '/readyz') {
    Promise.resolve()
      .then(() => routes.readiness())
      .then(
        (checks) => {
          const ready = Object.values(checks).every(Boolean);
          reply(res, ready ? 200 : 503, JSON.stringify({ status: ready ? 'ready' : 'not ready', checks }));
        },
        (error: unknown) => {
          log.warn('could not check readiness', { error: describeError(error) });
          reply(res, 503, '{"status":"not ready"}');
        },
      );
  } else {
    const metrics = routes.metrics!;
    metrics.render().then(
      (text) => reply(res, 200, text, metrics.contentType),
      (error: unknown) => {
        log.warn('could not collect metrics', { error: describeError(error) });
        reply(res, 500, '{"error":"metrics unavailable"}');
      },
    );
  }
  return true;
}

export interface OpsServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** The ops endpoints on a port of their own (gateway mode, or METRICS_PORT apart from PORT). */
export function startOpsServer(port: number, routes: OpsRoutes, log: Logger, host?: string): Promise<OpsServer> {
  const server = createServer((req, res) => {
    if (!serveOps(req, res, routes, log)) reply(res, 404, '{"error":"not found"}');
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
