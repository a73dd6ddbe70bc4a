// The database schema, one numbered step at a time. A step is never edited once released: change
// the schema by adding the next step. The applied version lives in SQLite's user_version.
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'games, players and answers',
    sql: `
      CREATE TABLE games (
        id TEXT PRIMARY KEY,
        guild_id TEXT,
        channel_id TEXT NOT NULL,
        starter_id TEXT NOT NULL,
        locale TEXT NOT NULL,
        rounds INTEGER NOT NULL,
        seconds INTEGER NOT NULL,
        difficulty TEXT NOT NULL,
        topic TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'running'
          CHECK (state IN ('running', 'finished', 'stopped', 'interrupted')),
        message_id TEXT,
        started_at INTEGER NOT NULL,
        ended_at INTEGER
      ) STRICT;
      -- One running game per channel, even if two processes share the file.
      CREATE UNIQUE INDEX games_running_channel ON games (channel_id) WHERE state = 'running';

      CREATE TABLE players (
        user_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        opted_out_at INTEGER
      ) STRICT;

      -- One row per answer, written when it is given; the key is the one-answer-per-question rule.
      CREATE TABLE answers (
        game_id TEXT NOT NULL REFERENCES games (id),
        question INTEGER NOT NULL,
        user_id TEXT NOT NULL REFERENCES players (user_id),
        guild_id TEXT,
        choice INTEGER NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        points INTEGER NOT NULL CHECK (points >= 0),
        streak INTEGER NOT NULL,
        answered_at INTEGER NOT NULL,
        PRIMARY KEY (game_id, question, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX answers_time ON answers (answered_at);
      CREATE INDEX answers_guild_time ON answers (guild_id, answered_at);
      CREATE INDEX answers_user ON answers (user_id);
    `,
  },
];

export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
  constructor(found: number, known: number) {
    super(`the database is at schema version ${found}, newer than this build knows (${known}); refusing to use it`);
  }
}

/** Applies every step above the database's version, each in its own transaction. Returns the new version. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
  if (current > latest) throw new SchemaTooNewError(current, latest);
  const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return Math.max(current, latest);
}
