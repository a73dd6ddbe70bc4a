// Which engine holds the quiz: PostgreSQL when DATABASE_URL is set (several processes share it),
// otherwise the SQLite file at DATABASE_PATH. The PostgreSQL driver is loaded only when it is used.
import { openSqliteStorage } from './sqlite.js';
import type { Storage } from './types.js';

export interface StorageTarget {
  /** postgres://… ; when set, `path` is ignored. */
  url?: string | undefined;
  /** The SQLite file; ':memory:' for tests. */
  path: string;
}

export async function openStorage(target: StorageTarget): Promise<Storage> {
  if (!target.url) return openSqliteStorage(target.path);
  const { openPostgresStorage } = await import('./postgres.js');
  return openPostgresStorage(target.url);
}
