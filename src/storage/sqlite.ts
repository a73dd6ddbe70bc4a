// The Storage interface on SQLite through better-sqlite3 (synchronous, in-process). WAL lets
// leaderboard reads run beside answer writes; synchronous=NORMAL keeps every committed answer
// through a crash of the process (a power cut may lose the last few).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import DatabaseConstructor, { type Database } from 'better-sqlite3';
import { DEFAULTS } from '../config.js';
import { migrate, SchemaTooNewError } from './migrations.js';
import type {
  AnswerRecord,
  CreateResult,
  GameEnd,
  GameRecord,
  InterruptedGame,
  Leaderboard,
  LeaderboardQuery,
  PlayerStats,
  RankedRow,
  RecordResult,
  ScoreRow,
  Storage,
} from './types.js';

interface ScoreSql {
  userId: string;
  name: string;
  points: number;
  correct: number;
  answers: number;
}

interface RankedSql extends ScoreSql {
  rank: number;
  players: number;
}

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
 * Throws DatabaseOpenError when the file cannot be used, SchemaTooNewError when a newer build wrote it.
 */
export function openSqliteStorage(path: string): Storage {
  if (!isMemory(path)) prepareFolder(path);
  let db: Database | undefined;
  try {
    db = new DatabaseConstructor(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db?.close();
    if (error instanceof SchemaTooNewError) throw error;
    throw new DatabaseOpenError(path, error instanceof Error ? error.message : String(error), undefined, {
      cause: error,
    });
  }
  return new SqliteStorage(db);
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

class SqliteStorage implements Storage {
  private readonly statements;

  constructor(private readonly db: Database) {
    this.statements = {
      createGame: db.prepare(`
        INSERT INTO games (id, guild_id, channel_id, starter_id, locale, rounds, seconds, difficulty, topic, started_at)
        VALUES (@id, @guildId, @channelId, @starterId, @locale, @rounds, @seconds, @difficulty, @topic, @startedAt)`),
      setMessage: db.prepare(`UPDATE games SET message_id = ? WHERE id = ?`),
      endGame: db.prepare(`UPDATE games SET state = ?, ended_at = ? WHERE id = ? AND state = 'running'`),
      running: db.prepare(
        `SELECT id, channel_id AS channelId, message_id AS messageId, locale FROM games WHERE state = 'running'`,
      ),
      upsertPlayer: db.prepare(`
        INSERT INTO players (user_id, name) VALUES (?, ?)
        ON CONFLICT (user_id) DO UPDATE SET name = excluded.name WHERE players.name <> excluded.name`),
      insertAnswer: db.prepare(`
        INSERT INTO answers (game_id, question, user_id, guild_id, choice, correct, points, streak, answered_at)
        VALUES (@gameId, @question, @userId, @guildId, @option, @correct, @points, @streak, @answeredAt)
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

  private readonly recordTx = (answer: AnswerRecord): RecordResult => {
    return this.db.transaction((): RecordResult => {
      if (this.knownNames.get(answer.userId) !== answer.userName) {
        this.statements.upsertPlayer.run(answer.userId, answer.userName);
      }
      const result = this.statements.insertAnswer.run({
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
      return result.changes === 1 ? 'recorded' : 'duplicate';
    })();
  };

  private rememberName(userId: string, name: string): void {
    if (this.knownNames.size >= KNOWN_NAMES_MAX) this.knownNames.clear();
    this.knownNames.set(userId, name);
  }

  async createGame(game: GameRecord): Promise<CreateResult> {
    try {
      this.statements.createGame.run({ ...game, startedAt: game.startedAt.getTime() });
      return 'created';
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'id-taken';
      if (code === 'SQLITE_CONSTRAINT_UNIQUE') return 'channel-busy';
      throw error;
    }
  }

  async setGameMessage(gameId: string, messageId: string): Promise<void> {
    this.statements.setMessage.run(messageId, gameId);
  }

  async endGame(gameId: string, end: GameEnd, at: Date): Promise<void> {
    this.statements.endGame.run(end, at.getTime(), gameId);
  }

  async closeRunningGames(at: Date): Promise<InterruptedGame[]> {
    return this.db.transaction(() => {
      const running = this.statements.running.all() as Omit<InterruptedGame, 'scores'>[];
      return running.map((game) => {
        this.statements.endGame.run('interrupted', at.getTime(), game.id);
        return { ...game, scores: this.statements.gameScores.all(game.id) as ScoreSql[] };
      });
    })();
  }

  async recordAnswer(answer: AnswerRecord): Promise<RecordResult> {
    const result = this.recordTx(answer);
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
    const ranked: RankedRow[] = rows.map(({ players: _players, ...row }) => row);
    const top = ranked.slice(0, query.limit);
    const self = query.userId ? (ranked.find((r) => r.userId === query.userId) ?? null) : null;
    return { rows: top, self, players: rows[0]?.players ?? 0 };
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

  close(): void {
    if (this.db.open) this.db.close();
  }
}
