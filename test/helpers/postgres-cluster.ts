// A throw-away PostgreSQL server for tests and benches: initdb into a temporary folder, start it on
// 127.0.0.1 at a free port (unix sockets in the same folder), and delete it all afterwards. Uses the
// real server binaries of Debian's postgresql-15 package (POSTGRES_BIN overrides the folder). As root,
// the server runs as the unprivileged `postgres` user, since PostgreSQL refuses to run as root.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  /** A superuser URL of the cluster's "postgres" database. */
  adminUrl: string;
  stop(): Promise<void>;
}

/** Runs a server binary, as the postgres user when we are root. */
function runBinary(name: string, args: string[], asUser: string | null): void {
  const binary = join(POSTGRES_BIN, name);
  const [command, argv] = asUser ? ['runuser', ['-u', asUser, '--', binary, ...args]] : [binary, args];
  execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpdir() });
}

export async function startPostgresCluster(options: { durable?: boolean } = {}): Promise<PostgresCluster> {
  if (!existsSync(join(POSTGRES_BIN, 'initdb'))) {
    throw new Error(
      `PostgreSQL tests need the server binaries in ${POSTGRES_BIN} (Debian: apt-get install -y postgresql-15, ` +
        'or set POSTGRES_BIN to the folder holding initdb and pg_ctl)',
    );
  }
  const root = process.getuid?.() === 0;
  const asUser = root ? 'postgres' : null;
  const folder = mkdtempSync(join(tmpdir(), 'youcheng-pg-'));
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, uid, gid);
  }
  const data = join(folder, 'data');
  const port = await freePort();
  // Tests need no crash safety: fsync off makes the cluster start and write fast. The bench keeps it.
  const speed = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  try {
    runBinary(
      'initdb',
      ['-D', data, '-U', 'youcheng', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      asUser,
    );
    runBinary(
      'pg_ctl',
      [
        '-D',
        data,
        '-l',
        join(folder, 'server.log'),
        '-w',
        '-o',
        `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder} -c max_connections=300${speed}`,
        'start',
      ],
      asUser,
    );
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8') ?? '';
    throw new Error(`could not start a throw-away PostgreSQL cluster: ${(error as Error).message}\n${stderr}`);
  }
  return {
    adminUrl: `postgres://youcheng@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        runBinary('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'], asUser);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/** A new, empty database in the cluster; its URL. */
export async function createDatabase(
  adminUrl: string,
  name = `t_${Math.random().toString(36).slice(2, 12)}`,
): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
