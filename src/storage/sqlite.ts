// The Storage interface on SQLite through better-sqlite3 (synchronous, in-process). WAL lets
// leaderboard reads run beside answer writes; synchronous=NORMAL keeps every committed answer
// through a crash of the process (a power cut may lose the last few).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import DatabaseConstructor, { type Database } from 'better-sqlite3';
import { DEFAULTS } from '../config.js';
import {
  ForeignDatabaseError,
  LATEST_VERSION,
  pendingMigrations,
  SchemaTooNewError,
  SQLITE_APPLICATION_ID,
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

type ScoreSql = ScoreRow;

/** Bound on the name cache; past it the cache starts over (a few extra upserts, never a wrong row). */
const KNOWN_NAMES_MAX = 50_000;

function isMemory(path: string): boolean {
  return path === ':memory:' || path === '' || path.startsWith('file:');
}

/** The database at `path` cannot be used: its folder is missing, or SQLite refuses the file. */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
  constructor(
    readonly path: string,
    /** What SQLite said, or that the folder is missing. */
    readonly reason: string,
    /** Set when the reason is that this folder does not exist. */
    readonly missingFolder?: string,
    options?: { cause: unknown },
  ) {
    super(`cannot open the database ${path}: ${reason}`, options);
  }
}

/**
 * Opens (creating file and schema on first use) the database at `path`; ':memory:' for tests.
 * Before anything is written, the file must pass quick_check and hold our schema or nothing at all.
 * Throws DatabaseOpenError when the file cannot be used, SchemaTooNewError when a newer build wrote it,
 * ForeignDatabaseError when it belongs to another program.
 */
export function openSqliteStorage(path: string): Storage {
  const memory = isMemory(path);
  if (!memory) prepareFolder(path);
  let db: Database | undefined;
  try {
    db = new DatabaseConstructor(path);
    // Waits for another process's write instead of failing at once with "database is locked".
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const check = (db.pragma('quick_check(3)') as { quick_check: string }[]).map((row) => row.quick_check);
    if (check.join() !== 'ok') throw new Error(`the file is damaged (quick_check: ${check.join('; ')})`);
    confirmOurs(db);
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db?.close();
    if (error instanceof SchemaTooNewError || error instanceof ForeignDatabaseError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const corrupt = (error as { code?: unknown }).code === 'SQLITE_CORRUPT';
    throw new DatabaseOpenError(path, corrupt ? `the file is damaged (${message})` : message, undefined, {
      cause: error,
    });
  }
  return new SqliteStorage(db);
}

const BUSY_TIMEOUT_MS = 5000;

/** Throws unless the file is ours (at a version this build knows) or empty. Reads only. */
function confirmOurs(db: Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  if (applicationId !== 0 && applicationId !== SQLITE_APPLICATION_ID) {
    throw new ForeignDatabaseError(`the file belongs to another program (application_id ${applicationId})`);
  }
  if (version > LATEST_VERSION) throw new SchemaTooNewError(version, LATEST_VERSION);
  const ours = ['answers', 'games', 'players'].every((name) => tables.includes(name));
  if (version === 0 && tables.length > 0) {
    throw new ForeignDatabaseError(
      `the file holds another program's tables (${tables.slice(0, 5).join(', ')}) and no quiz schema`,
    );
  }
  // Version 1 files were written before application_id was set: ours if they hold our tables.
  if (version > 0 && applicationId === 0 && !ours) {
    throw new ForeignDatabaseError(`the file is at version ${version} of another program's schema`);
  }
}

/**
 * Applies every step above the database's version in one IMMEDIATE transaction (so two processes
 * starting together take turns, the second seeing the first's version), then proves the file is
 * writable by rewriting its version: a read-only file is refused now, not at the first answer.
 */
function migrate(db: Database): void {
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (const migration of pendingMigrations(current)) {
      db.exec(migration.sqlite);
    }
    db.pragma(`application_id = ${SQLITE_APPLICATION_ID}`);
    db.pragma(`user_version = ${Math.max(current, LATEST_VERSION)}`);
  }).immediate();
}

/**
 * Only the default folder (var/) is created on first use. A configured path must point into a
 * folder that exists, so a mistyped DATABASE_PATH is reported instead of growing folders anywhere.
 */
function prepareFolder(path: string): void {
  const folder = dirname(path);
  if (resolve(folder) === resolve(dirname(DEFAULTS.databasePath))) mkdirSync(folder, { recursive: true });
  else if (!existsSync(folder)) throw new DatabaseOpenError(path, `the folder ${folder} does not exist`, folder);
}

const STALE = staleCondition('@now');

class SqliteStorage implements Storage {
  private readonly statements;

  constructor(private readonly db: Database) {
    this.statements = {
      createGame: db.prepare(`
        INSERT INTO games (id, guild_id, channel_id, starter_id, locale, rounds, seconds, difficulty, topic, started_at, owner, answer_key, setup)
        VALUES (@id, @guildId, @channelId, @starterId, @locale, @rounds, @seconds, @difficulty, @topic, @startedAt, @owner, @answerKey, @setup)`),
      setMessage: db.prepare(`UPDATE games SET message_id = ? WHERE id = ? AND state = 'running'`),
      openRound: db.prepare(
        `UPDATE games SET round = ?, round_opened_at = ?, round_open = 1 WHERE id = ? AND owner = ? AND state = 'running'`,
      ),
      closeRound: db.prepare(`UPDATE games SET round_open = 0 WHERE id = ? AND round = ?`),
      roundAnswers: db.prepare(`
        SELECT ${ROUND_ANSWER_COLUMNS} FROM answers a JOIN players p ON p.user_id = a.user_id
        WHERE a.game_id = ? AND a.question = ?`),
      gameAnswers: db.prepare(`
        SELECT ${ROUND_ANSWER_COLUMNS} FROM answers a JOIN players p ON p.user_id = a.user_id
        WHERE a.game_id = ? ORDER BY a.question, a.answered_at`),
      sharedGame: db.prepare(`SELECT ${SHARED_GAME_COLUMNS} FROM games WHERE id = ? AND state = 'running'`),
      channelGame: db.prepare(`SELECT ${SHARED_GAME_COLUMNS} FROM games WHERE channel_id = ? AND state = 'running'`),
      ownedGames: db.prepare(
        `SELECT ${SHARED_GAME_COLUMNS} FROM games WHERE owner = ? AND state = 'running' ORDER BY started_at`,
      ),
      instanceGames: db.prepare(`
        SELECT ${SHARED_GAME_COLUMNS} FROM games
        WHERE state = 'running' AND (owner = @id OR substr(owner, 1, length(@id) + 1) = @id || '#')
        ORDER BY started_at`),
      claimOwnGame: db.prepare(
        `UPDATE games SET owner = @instanceId WHERE id = @id AND owner IS @previous AND state = 'running'`,
      ),
      staleGames: db.prepare(`SELECT ${SHARED_GAME_COLUMNS} FROM games WHERE ${STALE} ORDER BY started_at`),
      claimGame: db.prepare(`UPDATE games SET owner = @instanceId WHERE id = @id AND owner IS @previous AND ${STALE}`),
      answerOf: db.prepare(`SELECT correct, streak FROM answers WHERE game_id = ? AND question = ? AND user_id = ?`),
      endGame: db.prepare(`UPDATE games SET state = ?, ended_at = ? WHERE id = ? AND state = 'running'`),
      renewLease: db.prepare(`
        INSERT INTO instances (id, lease_until) VALUES (?, ?)
        ON CONFLICT (id) DO UPDATE SET lease_until = excluded.lease_until`),
      expireLease: db.prepare(`UPDATE instances SET lease_until = 0 WHERE id = ?`),
      liveOwners: db.prepare(`
        SELECT DISTINCT g.owner FROM games g JOIN instances i ON i.id = g.owner
        WHERE g.state = 'running' AND i.lease_until >= ?`),
      stale: db.prepare(
        `SELECT id, channel_id AS channelId, message_id AS messageId, locale FROM games WHERE ${STALE}`,
      ),
      pruneInstances: db.prepare(`
        DELETE FROM instances WHERE lease_until < @now
          AND id NOT IN (SELECT owner FROM games WHERE state = 'running' AND owner IS NOT NULL)`),
      upsertPlayer: db.prepare(`
        INSERT INTO players (user_id, name) VALUES (?, ?)
        ON CONFLICT (user_id) DO UPDATE SET name = excluded.name WHERE players.name <> excluded.name`),
      insertAnswer: db.prepare(`
        INSERT INTO answers (game_id, question, user_id, guild_id, choice, correct, points, streak, answered_at)
        VALUES (@gameId, @question, @userId, @guildId, @option, @correct, @points, @streak, @answeredAt)
        ON CONFLICT (game_id, question, user_id) DO NOTHING`),
      // The round check and the insert in one statement: no answer slips in after closeRound.
      insertAnswerWhileOpen: db.prepare(`
        INSERT INTO answers (game_id, question, user_id, guild_id, choice, correct, points, streak, answered_at)
        SELECT @gameId, @question, @userId, @guildId, @option, @correct, @points, @streak, @answeredAt
        FROM games WHERE id = @gameId AND state = 'running' AND round = @question AND round_open = 1
        ON CONFLICT (game_id, question, user_id) DO NOTHING`),
      gameScores: db.prepare(`
        SELECT a.user_id AS userId, p.name AS name, SUM(a.points) AS points, SUM(a.correct) AS correct, COUNT(*) AS answers
        FROM answers a JOIN players p ON p.user_id = a.user_id
        WHERE a.game_id = ?
        GROUP BY a.user_id
        ORDER BY points DESC, correct DESC, answers ASC, a.user_id`),
      stats: db.prepare(`
        SELECT COUNT(DISTINCT game_id) AS games, COUNT(*) AS answers, COALESCE(SUM(correct), 0) AS correct,
               COALESCE(SUM(points), 0) AS points, COALESCE(MAX(streak), 0) AS bestStreak
        FROM answers WHERE user_id = ?`),
      leaderboard: db.prepare(`
        WITH board AS (
          SELECT a.user_id AS userId, p.name AS name, SUM(a.points) AS points, SUM(a.correct) AS correct,
                 COUNT(*) AS answers
          FROM answers a JOIN players p ON p.user_id = a.user_id
          WHERE p.opted_out_at IS NULL AND a.answered_at >= @since AND (@guildId IS NULL OR a.guild_id = @guildId)
          GROUP BY a.user_id
          HAVING SUM(a.points) > 0
        ), ranked AS (
          SELECT *, RANK() OVER (ORDER BY points DESC) AS rank,
                 ROW_NUMBER() OVER (ORDER BY points DESC, correct DESC, answers ASC, userId) AS position,
                 COUNT(*) OVER () AS players
          FROM board
        )
        SELECT userId, name, points, correct, answers, rank, players FROM ranked
        WHERE position <= @limit OR userId = @userId
        ORDER BY position`),
      optedOut: db.prepare(`SELECT opted_out_at AS at FROM players WHERE user_id = ?`),
      setOptOut: db.prepare(`
        INSERT INTO players (user_id, name, opted_out_at) VALUES (@id, @name, @at)
        ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, opted_out_at = excluded.opted_out_at`),
    };
  }

  /** Names already in the players table, so an answer writes a player row only when it is new or renamed. */
  private readonly knownNames = new Map<string, string>();

  private readonly recordTx = (answer: AnswerRecord, whileOpen: boolean): RecordResult => {
    return this.db
      .transaction((): RecordResult => {
        if (this.knownNames.get(answer.userId) !== answer.userName) {
          this.statements.upsertPlayer.run(answer.userId, answer.userName);
        }
        const insert = whileOpen ? this.statements.insertAnswerWhileOpen : this.statements.insertAnswer;
        const result = insert.run({
          gameId: answer.gameId,
          question: answer.question,
          userId: answer.userId,
          guildId: answer.guildId,
          option: answer.option,
          correct: answer.correct ? 1 : 0,
          points: answer.points,
          streak: answer.streak,
          answeredAt: answer.answeredAt.getTime(),
        });
        if (result.changes === 1) return 'recorded';
        if (!whileOpen) return 'duplicate';
        return this.statements.answerOf.get(answer.gameId, answer.question, answer.userId) ? 'duplicate' : 'closed';
      })
      .immediate();
  };

  private rememberName(userId: string, name: string): void {
    if (this.knownNames.size >= KNOWN_NAMES_MAX) this.knownNames.clear();
    this.knownNames.set(userId, name);
  }

  async createGame(game: GameRecord): Promise<CreateResult> {
    try {
      this.statements.createGame.run({
        ...game,
        startedAt: game.startedAt.getTime(),
        answerKey: JSON.stringify(game.answerKey),
      });
      return 'created';
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'id-taken';
      if (code === 'SQLITE_CONSTRAINT_UNIQUE') return 'channel-busy';
      throw error;
    }
  }

  async setGameMessage(gameId: string, messageId: string): Promise<boolean> {
    return this.statements.setMessage.run(messageId, gameId).changes === 1;
  }

  async openRound(gameId: string, owner: string, round: number, openedAt: Date): Promise<boolean> {
    return this.statements.openRound.run(round, openedAt.getTime(), gameId, owner).changes === 1;
  }

  async closeRound(gameId: string, round: number): Promise<RoundAnswerRow[]> {
    return this.db
      .transaction(() => {
        this.statements.closeRound.run(gameId, round);
        return (this.statements.roundAnswers.all(gameId, round) as RoundAnswerSql[]).map(roundAnswerFromRow);
      })
      .immediate();
  }

  async sharedGame(gameId: string): Promise<SharedGame | null> {
    const row = this.statements.sharedGame.get(gameId) as SharedGameSql | undefined;
    return row ? sharedGameFromRow(row) : null;
  }

  async channelGame(channelId: string): Promise<SharedGame | null> {
    const row = this.statements.channelGame.get(channelId) as SharedGameSql | undefined;
    return row ? sharedGameFromRow(row) : null;
  }

  async ownedGames(owner: string): Promise<SharedGame[]> {
    return (this.statements.ownedGames.all(owner) as SharedGameSql[]).map(sharedGameFromRow);
  }

  async instanceGames(instanceId: string): Promise<SharedGame[]> {
    return (this.statements.instanceGames.all({ id: instanceId }) as SharedGameSql[]).map(sharedGameFromRow);
  }

  async gameAnswers(gameId: string): Promise<RoundAnswerRow[]> {
    return (this.statements.gameAnswers.all(gameId) as RoundAnswerSql[]).map(roundAnswerFromRow);
  }

  async staleGames(now: Date): Promise<SharedGame[]> {
    return (this.statements.staleGames.all({ now: now.getTime() }) as SharedGameSql[]).map(sharedGameFromRow);
  }

  async claimGame(
    gameId: string,
    previousOwner: string | null,
    instanceId: string,
    now: Date,
    options: { evenIfLive?: boolean } = {},
  ): Promise<boolean> {
    if (options.evenIfLive)
      return this.statements.claimOwnGame.run({ id: gameId, previous: previousOwner, instanceId }).changes === 1;
    return (
      this.statements.claimGame.run({ id: gameId, previous: previousOwner, instanceId, now: now.getTime() }).changes ===
      1
    );
  }

  async answerOf(
    gameId: string,
    question: number,
    userId: string,
  ): Promise<{ correct: boolean; streak: number } | null> {
    const row = this.statements.answerOf.get(gameId, question, userId) as
      | { correct: number; streak: number }
      | undefined;
    return row ? { correct: row.correct === 1, streak: row.streak } : null;
  }

  async endGame(gameId: string, end: GameEnd, at: Date): Promise<boolean> {
    return this.statements.endGame.run(end, at.getTime(), gameId).changes === 1;
  }

  async renewLease(instanceId: string, until: Date): Promise<void> {
    this.statements.renewLease.run(instanceId, until.getTime());
  }

  async expireLeases(instanceIds: readonly string[]): Promise<void> {
    this.db.transaction(() => instanceIds.forEach((id) => this.statements.expireLease.run(id))).immediate();
  }

  async liveOwners(now: Date): Promise<string[]> {
    return this.statements.liveOwners.pluck().all(now.getTime()) as string[];
  }

  async closeStaleGames(now: Date): Promise<InterruptedGame[]> {
    // IMMEDIATE: take the write lock first (waiting busy_timeout for another writer), rather than
    // reading and then failing at once with "database is locked" when upgrading to a write.
    return this.db
      .transaction(() => {
        const stale = this.statements.stale.all({ now: now.getTime() }) as Omit<InterruptedGame, 'scores'>[];
        const closed = stale.map((game) => {
          this.statements.endGame.run('interrupted', now.getTime(), game.id);
          return { ...game, scores: this.statements.gameScores.all(game.id) as ScoreSql[] };
        });
        this.statements.pruneInstances.run({ now: now.getTime() });
        return closed;
      })
      .immediate();
  }

  async recordAnswer(answer: AnswerRecord, options: { whileOpen?: boolean } = {}): Promise<RecordResult> {
    const result = this.recordTx(answer, options.whileOpen ?? false);
    // Only after the commit: a rolled-back upsert must not be remembered as written.
    this.rememberName(answer.userId, answer.userName);
    return result;
  }

  async gameScores(gameId: string): Promise<ScoreRow[]> {
    return this.statements.gameScores.all(gameId) as ScoreSql[];
  }

  async playerStats(userId: string): Promise<PlayerStats> {
    return this.statements.stats.get(userId) as PlayerStats;
  }

  async leaderboard(query: LeaderboardQuery): Promise<Leaderboard> {
    const rows = this.statements.leaderboard.all({
      since: query.since?.getTime() ?? 0,
      guildId: query.guildId,
      limit: query.limit,
      userId: query.userId ?? null,
    }) as RankedSql[];
    return boardFromRows(rows, query);
  }

  async setOptOut(user: { id: string; name: string }, optedOut: boolean, at: Date): Promise<boolean> {
    const was = await this.isOptedOut(user.id);
    this.statements.setOptOut.run({ id: user.id, name: user.name, at: optedOut ? at.getTime() : null });
    this.rememberName(user.id, user.name);
    return was !== optedOut;
  }

  async isOptedOut(userId: string): Promise<boolean> {
    const row = this.statements.optedOut.get(userId) as { at: number | null } | undefined;
    return row?.at != null;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
