// The database schema, one numbered step at a time, for both engines. A step is never edited once
// released: change the schema by adding the next step, written for SQLite and for PostgreSQL, so both
// engines always sit at the same version number with the same tables. SQLite keeps the applied version
// in user_version (and marks the file as ours with application_id); PostgreSQL in youcheng_schema.

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

/** SQLite's application_id for our files: "YCHG". A file with another id belongs to another program. */
export const SQLITE_APPLICATION_ID = 0x59434847;

/** The tables our schema creates; a database holding others (and no schema version) is not ours. */
export const OUR_TABLES = ['answers', 'games', 'instances', 'players'] as const;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'games, players and answers',
    sqlite: `
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
    postgres: `
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
        started_at BIGINT NOT NULL,
        ended_at BIGINT
      );
      CREATE UNIQUE INDEX games_running_channel ON games (channel_id) WHERE state = 'running';

      CREATE TABLE players (
        user_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        opted_out_at BIGINT
      );

      CREATE TABLE answers (
        game_id TEXT NOT NULL REFERENCES games (id),
        question INTEGER NOT NULL,
        user_id TEXT NOT NULL REFERENCES players (user_id),
        guild_id TEXT,
        choice INTEGER NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        points INTEGER NOT NULL CHECK (points >= 0),
        streak INTEGER NOT NULL,
        answered_at BIGINT NOT NULL,
        PRIMARY KEY (game_id, question, user_id)
      );
      CREATE INDEX answers_time ON answers (answered_at);
      CREATE INDEX answers_guild_time ON answers (guild_id, answered_at);
      CREATE INDEX answers_user ON answers (user_id);
    `,
  },
  {
    version: 2,
    name: 'game owners, leases and the open round',
    // owner: the instance driving the game's timers. answer_key: each question's right option and
    // option count (JSON), so any instance can score a click. setup: the starter's name and the
    // questions (JSON), so another instance can carry the game on when the owner dies.
    // round/round_opened_at/round_open: the question on screen, so a click on another instance is
    // accepted exactly while the owner's is.
    sqlite: `
      CREATE TABLE instances (
        id TEXT PRIMARY KEY,
        lease_until INTEGER NOT NULL
      ) STRICT;
      ALTER TABLE games ADD COLUMN owner TEXT;
      ALTER TABLE games ADD COLUMN answer_key TEXT;
      ALTER TABLE games ADD COLUMN setup TEXT;
      ALTER TABLE games ADD COLUMN round INTEGER;
      ALTER TABLE games ADD COLUMN round_opened_at INTEGER;
      ALTER TABLE games ADD COLUMN round_open INTEGER NOT NULL DEFAULT 0 CHECK (round_open IN (0, 1));
      CREATE INDEX games_running_owner ON games (owner) WHERE state = 'running';
    `,
    postgres: `
      CREATE TABLE instances (
        id TEXT PRIMARY KEY,
        lease_until BIGINT NOT NULL
      );
      ALTER TABLE games ADD COLUMN owner TEXT;
      ALTER TABLE games ADD COLUMN answer_key TEXT;
      ALTER TABLE games ADD COLUMN setup TEXT;
      ALTER TABLE games ADD COLUMN round INTEGER;
      ALTER TABLE games ADD COLUMN round_opened_at BIGINT;
      ALTER TABLE games ADD COLUMN round_open INTEGER NOT NULL DEFAULT 0 CHECK (round_open IN (0, 1));
      CREATE INDEX games_running_owner ON games (owner) WHERE state = 'running';
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);

export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
  constructor(found: number, known: number) {
    super(`the database is at schema version ${found}, newer than this build knows (${known}); refusing to use it`);
  }
}

/** The database holds tables but no schema version of ours: another program's database. */
export class ForeignDatabaseError extends Error {
  override readonly name = 'ForeignDatabaseError';
  constructor(what: string) {
    super(`${what}; refusing to add the quiz tables to it (point the setting at an empty or new database)`);
  }
}

/** The steps above `current`, in order; throws SchemaTooNewError when `current` is past them all. */
export function pendingMigrations(current: number, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
  if (current > latest) throw new SchemaTooNewError(current, latest);
  return migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
}
