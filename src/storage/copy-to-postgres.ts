// Copies the SQLite quiz database into PostgreSQL (`npm run db:migrate-to-postgres`, src/migrate-to-postgres.ts): players with their opt-outs, games, and answers. Safe to run again: a row already
// there is kept (players take the SQLite name and opt-out), so a second run copies nothing new. The
// SQLite file is opened read-only and never changed. Prints what it found, copied and checked; exit 1
// if any source row is missing from PostgreSQL afterwards.
import Database from 'better-sqlite3';
import pg from 'pg';
import { LATEST_VERSION } from './migrations.js';
import { openPostgresStorage } from './postgres.js';

const BATCH = 1000;

export interface CopyCounts {
  table: string;
  /** Rows in the SQLite file. */
  source: number;
  /** Rows this run added to PostgreSQL. */
  added: number;
  /** Source rows present in PostgreSQL after the copy (must equal source). */
  present: number;
}

interface GameRow {
  id: string;
  guild_id: string | null;
  channel_id: string;
  starter_id: string;
  locale: string;
  rounds: number;
  seconds: number;
  difficulty: string;
  topic: string;
  state: string;
  message_id: string | null;
  started_at: number;
  ended_at: number | null;
}

interface AnswerRow {
  game_id: string;
  question: number;
  user_id: string;
  guild_id: string | null;
  choice: number;
  correct: number;
  points: number;
  streak: number;
  answered_at: number;
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

const column = <T, K extends keyof T>(rows: readonly T[], key: K): T[K][] => rows.map((r) => r[key]);

/** Copies everything; the SQLite file must be a quiz database this build knows. */
export async function copySqliteToPostgres(sqlitePath: string, databaseUrl: string): Promise<CopyCounts[]> {
  const source = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  let players: { user_id: string; name: string; opted_out_at: number | null }[];
  let games: GameRow[];
  let answers: AnswerRow[];
  try {
    const version = source.pragma('user_version', { simple: true }) as number;
    if (version < 1 || version > LATEST_VERSION) {
      throw new Error(`${sqlitePath} is not a quiz database this build knows (schema version ${version})`);
    }
    players = source.prepare('SELECT user_id, name, opted_out_at FROM players').all() as typeof players;
    games = source
      .prepare(
        `SELECT id, guild_id, channel_id, starter_id, locale, rounds, seconds, difficulty, topic, state, message_id, started_at, ended_at FROM games`,
      )
      .all() as GameRow[];
    answers = source.prepare('SELECT * FROM answers').all() as AnswerRow[];
  } finally {
    source.close();
  }

  // Creates (or checks) the schema the same way the bot does, then copies over one connection.
  await (await openPostgresStorage(databaseUrl, { poolSize: 1 })).close();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    let added = 0;
    for (const batch of chunks(players)) {
      const result = await client.query(
        `INSERT INTO players (user_id, name, opted_out_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])
         ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, opted_out_at = excluded.opted_out_at
         RETURNING (xmax = 0) AS inserted`,
        [column(batch, 'user_id'), column(batch, 'name'), column(batch, 'opted_out_at')],
      );
      added += result.rows.filter((r: { inserted: boolean }) => r.inserted).length;
    }
    const playerCounts = { table: 'players', source: players.length, added, present: 0 };

    added = 0;
    for (const batch of chunks(games)) {
      // A game still running in the file has no owner here: the first instance to start closes it.
      const result = await client.query(
        `INSERT INTO games (id, guild_id, channel_id, starter_id, locale, rounds, seconds, difficulty, topic, state, message_id, started_at, ended_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[], $9::text[],
                              $10::text[], $11::text[], $12::bigint[], $13::bigint[])
         ON CONFLICT DO NOTHING`,
        (
          [
            'id',
            'guild_id',
            'channel_id',
            'starter_id',
            'locale',
            'rounds',
            'seconds',
            'difficulty',
            'topic',
            'state',
            'message_id',
            'started_at',
            'ended_at',
          ] as const
        ).map((key) => column(batch, key)),
      );
      added += result.rowCount ?? 0;
    }
    const gameCounts = { table: 'games', source: games.length, added, present: 0 };

    added = 0;
    for (const batch of chunks(answers)) {
      const result = await client.query(
        `INSERT INTO answers (game_id, question, user_id, guild_id, choice, correct, points, streak, answered_at)
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[], $9::bigint[])
         ON CONFLICT DO NOTHING`,
        (
          [
            'game_id',
            'question',
            'user_id',
            'guild_id',
            'choice',
            'correct',
            'points',
            'streak',
            'answered_at',
          ] as const
        ).map((key) => column(batch, key)),
      );
      added += result.rowCount ?? 0;
    }
    const answerCounts = { table: 'answers', source: answers.length, added, present: 0 };

    // The check: every source key is in PostgreSQL now.
    for (const batch of chunks(players)) {
      const { rows } = await client.query('SELECT COUNT(*)::int AS n FROM players WHERE user_id = ANY($1)', [
        column(batch, 'user_id'),
      ]);
      playerCounts.present += rows[0].n as number;
    }
    for (const batch of chunks(games)) {
      const { rows } = await client.query('SELECT COUNT(*)::int AS n FROM games WHERE id = ANY($1)', [
        column(batch, 'id'),
      ]);
      gameCounts.present += rows[0].n as number;
    }
    for (const batch of chunks(answers)) {
      const { rows } = await client.query(
        `SELECT COUNT(*)::int AS n FROM answers a
         JOIN unnest($1::text[], $2::int[], $3::text[]) AS k(game_id, question, user_id)
           ON a.game_id = k.game_id AND a.question = k.question AND a.user_id = k.user_id`,
        [column(batch, 'game_id'), column(batch, 'question'), column(batch, 'user_id')],
      );
      answerCounts.present += rows[0].n as number;
    }
    await client.query('COMMIT');
    return [playerCounts, gameCounts, answerCounts];
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
