// The Storage interface on PostgreSQL through node-postgres (a pool of connections), chosen by
// DATABASE_URL so several processes (shards, HTTP instances) share one quiz state. Same schema
// versions as SQLite (src/storage/migrations.ts), kept in the table youcheng_schema. Times are BIGINT
// milliseconds like SQLite's, and aggregates are cast to int so rows come back as numbers.
import pg from 'pg';
import {
  ForeignDatabaseError,
  LATEST_VERSION,
  OUR_TABLES,
  pendingMigrations,
  SchemaTooNewError,
} from './migrations.js';
import {
  boardFromRows,
  type RankedSql,
  ROUND_ANSWER_COLUMNS,
  type RoundAnswerSql,
  roundAnswerFromRow,
  SHARED_GAME_COLUMNS,
  type SharedGameSql,
  sharedGameFromRow,
  staleCondition,
} from './rows.js';
import { DatabaseOpenError } from './sqlite.js';
import type {
  AnswerRecord,
  CreateResult,
  GameEnd,
  GameRecord,
  InterruptedGame,
  Leaderboard,
  LeaderboardQuery,
  PlayerStats,
  RecordResult,
  RoundAnswerRow,
  ScoreRow,
  SharedGame,
  Storage,
} from './types.js';

/** Serializes schema checks and migrations of processes starting together (any constant works). */
const MIGRATION_LOCK = 0x59434847;
const KNOWN_NAMES_MAX = 50_000;

/** The URL without its password, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL (not a valid URL)';
  }
}

/**
 * Connects, checks the schema (ours at a version this build knows, or an empty database), migrates,
 * and returns the storage. Throws DatabaseOpenError (cannot connect, or the server refused a step),
 * SchemaTooNewError or ForeignDatabaseError; nothing is written before those checks pass.
 */
export async function openPostgresStorage(url: string, options: { poolSize?: number } = {}): Promise<Storage> {
  const shown = describeDatabaseUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5000 });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await prepareSchema(client);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof SchemaTooNewError || error instanceof ForeignDatabaseError) throw error;
    throw new DatabaseOpenError(shown, error instanceof Error ? error.message : String(error), undefined, {
      cause: error,
    });
  }
  return new PostgresStorage(pool);
}

async function prepareSchema(client: pg.PoolClient): Promise<void> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`,
    )
  ).rows.map((r) => r.name);
  let version = 0;
  if (tables.includes('youcheng_schema')) {
    version = (await client.query<{ version: number }>('SELECT version FROM youcheng_schema')).rows[0]?.version ?? 0;
  } else if (tables.length > 0) {
    throw new ForeignDatabaseError(
      `the database holds another program's tables (${tables.slice(0, 5).join(', ')}) and no quiz schema`,
    );
  }
  if (version > LATEST_VERSION) throw new SchemaTooNewError(version, LATEST_VERSION);
  const pending = pendingMigrations(version);
  if (pending.length > 0) {
    await client.query('BEGIN');
    try {
      await client.query('CREATE TABLE IF NOT EXISTS youcheng_schema (version INTEGER NOT NULL)');
      for (const migration of pending) await client.query(migration.postgres);
      await client.query('DELETE FROM youcheng_schema');
      await client.query('INSERT INTO youcheng_schema (version) VALUES ($1)', [LATEST_VERSION]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
  const present = (
    await client.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename = ANY($1)`,
      [[...OUR_TABLES]],
    )
  ).rows[0]!.n;
  if (present !== OUR_TABLES.length)
    throw new Error(`the quiz tables are incomplete (${present} of ${OUR_TABLES.length}) at schema version ${version}`);
}

const SCORES = `
  SELECT a.user_id AS "userId", p.name AS name, SUM(a.points)::int AS points, SUM(a.correct)::int AS correct, COUNT(*)::int AS answers
  FROM answers a JOIN players p ON p.user_id = a.user_id
  WHERE a.game_id = $1
  GROUP BY a.user_id, p.name
  ORDER BY points DESC, correct DESC, answers ASC, a.user_id COLLATE "C"`;

const INSERT_ANSWER = `
  INSERT INTO answers (game_id, question, user_id, guild_id, choice, correct, points, streak, answered_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (game_id, question, user_id) DO NOTHING`;

// FOR SHARE: closeRound's UPDATE waits for answers being inserted, and an insert waiting behind that
// UPDATE sees the round closed, so no answer lands after the owner read the round's answers.
const INSERT_ANSWER_WHILE_OPEN = `
  INSERT INTO answers (game_id, question, user_id, guild_id, choice, correct, points, streak, answered_at)
  SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
  FROM (SELECT 1 FROM games WHERE id = $1 AND state = 'running' AND round = $2 AND round_open = 1 FOR SHARE) AS open_round
  ON CONFLICT (game_id, question, user_id) DO NOTHING`;

const UPSERT_PLAYER = `
  INSERT INTO players (user_id, name) VALUES ($1, $2)
  ON CONFLICT (user_id) DO UPDATE SET name = excluded.name WHERE players.name <> excluded.name`;

class PostgresStorage implements Storage {
  /** Names already in the players table, so most answers are one INSERT without a transaction. */
  private readonly knownNames = new Map<string, string>();

  constructor(private readonly pool: pg.Pool) {}

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private rememberName(userId: string, name: string): void {
    if (this.knownNames.size >= KNOWN_NAMES_MAX) this.knownNames.clear();
    this.knownNames.set(userId, name);
  }

  async createGame(game: GameRecord): Promise<CreateResult> {
    try {
      await this.pool.query(
        `INSERT INTO games (id, guild_id, channel_id, starter_id, locale, rounds, seconds, difficulty, topic, started_at, owner, answer_key, setup)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          game.id,
          game.guildId,
          game.channelId,
          game.starterId,
          game.locale,
          game.rounds,
          game.seconds,
          game.difficulty,
          game.topic,
          game.startedAt.getTime(),
          game.owner,
          JSON.stringify(game.answerKey),
          game.setup,
        ],
      );
      return 'created';
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === '23505') return constraint === 'games_pkey' ? 'id-taken' : 'channel-busy';
      throw error;
    }
  }

  async setGameMessage(gameId: string, messageId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(`UPDATE games SET message_id = $1 WHERE id = $2 AND state = 'running'`, [
      messageId,
      gameId,
    ]);
    return rowCount === 1;
  }

  async openRound(gameId: string, owner: string, round: number, openedAt: Date): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE games SET round = $1, round_opened_at = $2, round_open = 1 WHERE id = $3 AND owner = $4 AND state = 'running'`,
      [round, openedAt.getTime(), gameId, owner],
    );
    return rowCount === 1;
  }

  async closeRound(gameId: string, round: number): Promise<RoundAnswerRow[]> {
    await this.pool.query('UPDATE games SET round_open = 0 WHERE id = $1 AND round = $2', [gameId, round]);
    const { rows } = await this.pool.query<RoundAnswerSql>(
      `SELECT ${ROUND_ANSWER_COLUMNS} FROM answers a JOIN players p ON p.user_id = a.user_id WHERE a.game_id = $1 AND a.question = $2`,
      [gameId, round],
    );
    return rows.map(roundAnswerFromRow);
  }

  async sharedGame(gameId: string): Promise<SharedGame | null> {
    const { rows } = await this.pool.query<SharedGameSql>(
      `SELECT ${SHARED_GAME_COLUMNS} FROM games WHERE id = $1 AND state = 'running'`,
      [gameId],
    );
    return rows[0] ? sharedGameFromRow(rows[0]) : null;
  }

  async channelGame(channelId: string): Promise<SharedGame | null> {
    const { rows } = await this.pool.query<SharedGameSql>(
      `SELECT ${SHARED_GAME_COLUMNS} FROM games WHERE channel_id = $1 AND state = 'running'`,
      [channelId],
    );
    return rows[0] ? sharedGameFromRow(rows[0]) : null;
  }

  async ownedGames(owner: string): Promise<SharedGame[]> {
    const { rows } = await this.pool.query<SharedGameSql>(
      `SELECT ${SHARED_GAME_COLUMNS} FROM games WHERE owner = $1 AND state = 'running' ORDER BY started_at`,
      [owner],
    );
    return rows.map(sharedGameFromRow);
  }

  async instanceGames(instanceId: string): Promise<SharedGame[]> {
    const { rows } = await this.pool.query<SharedGameSql>(
      `SELECT ${SHARED_GAME_COLUMNS} FROM games
       WHERE state = 'running' AND (owner = $1 OR substr(owner, 1, length($1) + 1) = $1 || '#')
       ORDER BY started_at`,
      [instanceId],
    );
    return rows.map(sharedGameFromRow);
  }

  async gameAnswers(gameId: string): Promise<RoundAnswerRow[]> {
    const { rows } = await this.pool.query<RoundAnswerSql>(
      `SELECT ${ROUND_ANSWER_COLUMNS} FROM answers a JOIN players p ON p.user_id = a.user_id
       WHERE a.game_id = $1 ORDER BY a.question, a.answered_at`,
      [gameId],
    );
    return rows.map(roundAnswerFromRow);
  }

  async staleGames(now: Date): Promise<SharedGame[]> {
    const { rows } = await this.pool.query<SharedGameSql>(
      `SELECT ${SHARED_GAME_COLUMNS} FROM games WHERE ${staleCondition('$1')} ORDER BY started_at`,
      [now.getTime()],
    );
    return rows.map(sharedGameFromRow);
  }

  async claimGame(
    gameId: string,
    previousOwner: string | null,
    instanceId: string,
    now: Date,
    options: { evenIfLive?: boolean } = {},
  ): Promise<boolean> {
    if (options.evenIfLive) {
      const { rowCount } = await this.pool.query(
        `UPDATE games SET owner = $1 WHERE id = $2 AND owner IS NOT DISTINCT FROM $3 AND state = 'running'`,
        [instanceId, gameId, previousOwner],
      );
      return rowCount === 1;
    }
    const { rowCount } = await this.pool.query(
      `UPDATE games SET owner = $2 WHERE id = $3 AND owner IS NOT DISTINCT FROM $4 AND ${staleCondition('$1')}`,
      [now.getTime(), instanceId, gameId, previousOwner],
    );
    return rowCount === 1;
  }

  async answerOf(
    gameId: string,
    question: number,
    userId: string,
  ): Promise<{ correct: boolean; streak: number } | null> {
    const { rows } = await this.pool.query<{ correct: number; streak: number }>(
      'SELECT correct, streak FROM answers WHERE game_id = $1 AND question = $2 AND user_id = $3',
      [gameId, question, userId],
    );
    return rows[0] ? { correct: rows[0].correct === 1, streak: rows[0].streak } : null;
  }

  async endGame(gameId: string, end: GameEnd, at: Date): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE games SET state = $1, ended_at = $2 WHERE id = $3 AND state = 'running'`,
      [end, at.getTime(), gameId],
    );
    return rowCount === 1;
  }

  async renewLease(instanceId: string, until: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO instances (id, lease_until) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET lease_until = excluded.lease_until`,
      [instanceId, until.getTime()],
    );
  }

  async expireLeases(instanceIds: readonly string[]): Promise<void> {
    if (instanceIds.length === 0) return;
    await this.pool.query('UPDATE instances SET lease_until = 0 WHERE id = ANY($1)', [[...instanceIds]]);
  }

  async liveOwners(now: Date): Promise<string[]> {
    const { rows } = await this.pool.query<{ owner: string }>(
      `SELECT DISTINCT g.owner FROM games g JOIN instances i ON i.id = g.owner WHERE g.state = 'running' AND i.lease_until >= $1`,
      [now.getTime()],
    );
    return rows.map((r) => r.owner);
  }

  async closeStaleGames(now: Date): Promise<InterruptedGame[]> {
    return this.transaction(async (client) => {
      // One UPDATE: a game two instances find stale at once is closed (and reported) by one of them.
      const { rows } = await client.query<Omit<InterruptedGame, 'scores'>>(
        `UPDATE games SET state = 'interrupted', ended_at = $1 WHERE ${staleCondition('$1')}
         RETURNING id, channel_id AS "channelId", message_id AS "messageId", locale`,
        [now.getTime()],
      );
      const closed: InterruptedGame[] = [];
      for (const game of rows) closed.push({ ...game, scores: (await client.query<ScoreRow>(SCORES, [game.id])).rows });
      await client.query(
        `DELETE FROM instances WHERE lease_until < $1
           AND id NOT IN (SELECT owner FROM games WHERE state = 'running' AND owner IS NOT NULL)`,
        [now.getTime()],
      );
      return closed;
    });
  }

  async recordAnswer(answer: AnswerRecord, options: { whileOpen?: boolean } = {}): Promise<RecordResult> {
    const whileOpen = options.whileOpen ?? false;
    const values = [
      answer.gameId,
      answer.question,
      answer.userId,
      answer.guildId,
      answer.option,
      answer.correct ? 1 : 0,
      answer.points,
      answer.streak,
      answer.answeredAt.getTime(),
    ];
    const insert = whileOpen ? INSERT_ANSWER_WHILE_OPEN : INSERT_ANSWER;
    const known = this.knownNames.get(answer.userId) === answer.userName;
    const inserted = known
      ? (await this.pool.query(insert, values)).rowCount
      : await this.transaction(async (client) => {
          await client.query(UPSERT_PLAYER, [answer.userId, answer.userName]);
          return (await client.query(insert, values)).rowCount;
        });
    this.rememberName(answer.userId, answer.userName);
    if (inserted === 1) return 'recorded';
    if (!whileOpen) return 'duplicate';
    return (await this.answerOf(answer.gameId, answer.question, answer.userId)) ? 'duplicate' : 'closed';
  }

  async gameScores(gameId: string): Promise<ScoreRow[]> {
    return (await this.pool.query<ScoreRow>(SCORES, [gameId])).rows;
  }

  async playerStats(userId: string): Promise<PlayerStats> {
    const { rows } = await this.pool.query<PlayerStats>(
      `SELECT COUNT(DISTINCT game_id)::int AS games, COUNT(*)::int AS answers, COALESCE(SUM(correct), 0)::int AS correct,
              COALESCE(SUM(points), 0)::int AS points, COALESCE(MAX(streak), 0)::int AS "bestStreak"
       FROM answers WHERE user_id = $1`,
      [userId],
    );
    return rows[0]!;
  }

  async leaderboard(query: LeaderboardQuery): Promise<Leaderboard> {
    const { rows } = await this.pool.query<RankedSql>(
      `WITH board AS (
         SELECT a.user_id AS "userId", p.name AS name, SUM(a.points)::int AS points, SUM(a.correct)::int AS correct,
                COUNT(*)::int AS answers
         FROM answers a JOIN players p ON p.user_id = a.user_id
         WHERE p.opted_out_at IS NULL AND a.answered_at >= $1 AND ($2::text IS NULL OR a.guild_id = $2)
         GROUP BY a.user_id, p.name
         HAVING SUM(a.points) > 0
       ), ranked AS (
         SELECT *, (RANK() OVER (ORDER BY points DESC))::int AS rank,
                ROW_NUMBER() OVER (ORDER BY points DESC, correct DESC, answers ASC, "userId" COLLATE "C") AS position,
                (COUNT(*) OVER ())::int AS players
         FROM board
       )
       SELECT "userId", name, points, correct, answers, rank, players FROM ranked
       WHERE position <= $3 OR "userId" = $4
       ORDER BY position`,
      [query.since?.getTime() ?? 0, query.guildId, query.limit, query.userId ?? null],
    );
    return boardFromRows(rows, query);
  }

  async setOptOut(user: { id: string; name: string }, optedOut: boolean, at: Date): Promise<boolean> {
    const was = await this.isOptedOut(user.id);
    await this.pool.query(
      `INSERT INTO players (user_id, name, opted_out_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, opted_out_at = excluded.opted_out_at`,
      [user.id, user.name, optedOut ? at.getTime() : null],
    );
    this.rememberName(user.id, user.name);
    return was !== optedOut;
  }

  async isOptedOut(userId: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ at: string | null }>(
      'SELECT opted_out_at AS at FROM players WHERE user_id = $1',
      [userId],
    );
    return rows[0]?.at != null;
  }

  private ended = false;

  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.pool.end();
  }
}
