// The ops endpoints on their own port: alive, ready only when every check passes, 404 elsewhere.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { startOpsServer, type OpsServer } from '../../src/ops/health.js';

const log = createLogger({ level: 'error', write: () => {} });
let ops: OpsServer | undefined;
afterEach(async () => ops?.close());

describe('the ops server', () => {
  it('answers /readyz 503 naming the failing check, then 200 once it passes; no /metrics without metrics', async () => {
    let database = false;
    ops = await startOpsServer(0, { readiness: () => ({ gateway: true, database }) }, log, '127.0.0.1');
    const base = `http://127.0.0.1:${ops.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not ready', checks: { gateway: true, database: false } });
    database = true;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('checks liveness and readiness that answer later (the sharding manager asks its shards)', async () => {
    let shardOneRunning = false;
    ops = await startOpsServer(
      0,
      {
        liveness: () => ({ 'shard 0 process': true, 'shard 1 process': shardOneRunning }),
        readiness: async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          return { 'shard 0 gateway': true, 'shard 1': shardOneRunning };
        },
      },
      log,
      '127.0.0.1',
    );
    const base = `http://127.0.0.1:${ops.port}`;
    const dead = await fetch(`${base}/healthz`);
    expect(dead.status).toBe(503);
    expect(await dead.json()).toEqual({
      status: 'not ok',
      checks: { 'shard 0 process': true, 'shard 1 process': false },
    });
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    shardOneRunning = true;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({
      status: 'ready',
      checks: { 'shard 0 gateway': true, 'shard 1': true },
    });
  });
});
