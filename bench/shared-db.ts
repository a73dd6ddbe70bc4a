// Answers recorded per second when one or two bot processes share the quiz database: SQLite (one
// file, the bot's WAL + synchronous=NORMAL) and PostgreSQL (a throw-away local cluster, default
// durability, and with synchronous_commit=off, which matches SQLite's setting). Each
// process runs its own games and sends its clicks with many in flight, both starting together; the
// figure is all answers recorded by all processes over the wall time until the last one finishes.
// Needs the PostgreSQL server binaries (test/helpers/postgres-cluster.ts); without them the
// PostgreSQL rows say so. Run alone with `npx tsx bench/shared-db.ts`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDatabase, type PostgresCluster, startPostgresCluster } from '../test/helpers/postgres-cluster.js';

const CLICKS_PER_PROCESS = 10_000;
const GAMES_PER_PROCESS = 100;
const IN_FLIGHT = 200;
const WORKER = fileURLToPath(new URL('./shared-db-worker.ts', import.meta.url));

interface Worker {
  ready: Promise<void>;
  result: Promise<{ accepted: number; ms: number }>;
  go(): void;
}

function startWorker(name: string, database: Record<string, string>): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: {
      ...process.env,
      ...database,
      WORKER: name,
      GAMES: String(GAMES_PER_PROCESS),
      CLICKS: String(CLICKS_PER_PROCESS),
      IN_FLIGHT: String(IN_FLIGHT),
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  let onReady: () => void = () => {};
  let onResult: (r: { accepted: number; ms: number }) => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const result = new Promise<{ accepted: number; ms: number }>((resolve, reject) => {
    onResult = resolve;
    child.once('exit', (code) =>
      code === 0 ? undefined : reject(new Error(`bench worker ${name} exited with ${code}`)),
    );
  });
  lines.on('line', (line) =>
    line === 'ready' ? onReady() : line.startsWith('{') ? onResult(JSON.parse(line)) : undefined,
  );
  return { ready, result, go: () => child.stdin!.write('go\n') };
}

/** Answers recorded per second by `processes` workers on one database, started together. */
async function run(processes: number, database: Record<string, string>): Promise<number> {
  const workers = Array.from({ length: processes }, (_, i) => startWorker(`p${i}`, database));
  await Promise.all(workers.map((w) => w.ready));
  const started = performance.now();
  workers.forEach((w) => w.go());
  const results = await Promise.all(workers.map((w) => w.result));
  const accepted = results.reduce((n, r) => n + r.accepted, 0);
  if (accepted !== processes * CLICKS_PER_PROCESS)
    throw new Error(`only ${accepted} of ${processes * CLICKS_PER_PROCESS} answers recorded`);
  return Math.round(accepted / ((performance.now() - started) / 1000));
}

async function setSynchronousCommitOff(adminUrl: string, databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`ALTER DATABASE "${new URL(databaseUrl).pathname.slice(1)}" SET synchronous_commit = off`);
  } finally {
    await client.end();
  }
}

export async function benchSharedDatabase(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {
    'clicks per process (own games, in flight)': `${CLICKS_PER_PROCESS} (${GAMES_PER_PROCESS} games, ${IN_FLIGHT})`,
  };
  const dir = mkdtempSync(join(tmpdir(), 'youcheng-bench-shared-'));
  try {
    figures['SQLite file, 1 process: answers/s'] = await run(1, {
      DATABASE_PATH: join(dir, 'one.sqlite'),
      DATABASE_URL: '',
    });
    figures['SQLite file, 2 processes: answers/s'] = await run(2, {
      DATABASE_PATH: join(dir, 'two.sqlite'),
      DATABASE_URL: '',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  let cluster: PostgresCluster;
  try {
    cluster = await startPostgresCluster({ durable: true });
  } catch (error) {
    figures.PostgreSQL = `not measured: ${(error as Error).message.split('\n')[0]}`;
    return figures;
  }
  try {
    figures['PostgreSQL 15 (local, every commit flushed), 1 process: answers/s'] = await run(1, {
      DATABASE_URL: await createDatabase(cluster.adminUrl),
    });
    figures['PostgreSQL 15 (local, every commit flushed), 2 processes: answers/s'] = await run(2, {
      DATABASE_URL: await createDatabase(cluster.adminUrl),
    });
    // synchronous_commit=off is PostgreSQL's equivalent of SQLite's synchronous=NORMAL in WAL mode (the
    // bot's setting): a crash of the process loses nothing, a power cut may lose the last moments.
    const relaxed = await createDatabase(cluster.adminUrl);
    await setSynchronousCommitOff(cluster.adminUrl, relaxed);
    figures['PostgreSQL 15 (local, synchronous_commit=off), 2 processes: answers/s'] = await run(2, {
      DATABASE_URL: relaxed,
    });
  } finally {
    await cluster.stop();
  }
  return figures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchSharedDatabase();
  for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
}
