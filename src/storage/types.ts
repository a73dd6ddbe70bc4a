// What the quiz keeps: games, every answer as it is given, and who opted out of leaderboards.
// Small on purpose, so another engine (PostgreSQL, say) can implement it; src/storage/sqlite.ts is the
// one in use. Methods are async for that engine's sake even though SQLite answers synchronously.

export type GameEnd = 'finished' | 'stopped' | 'interrupted';

export interface GameRecord {
  /** Public id, the one in button custom_ids. */
  id: string;
  guildId: string | null;
  channelId: string;
  starterId: string;
  /** Language of the game's channel messages ("en", "zh-CN"). */
  locale: string;
  rounds: number;
  seconds: number;
  difficulty: string;
  topic: string;
  startedAt: Date;
}

export interface AnswerRecord {
  gameId: string;
  /** 0-based question number within the game. */
  question: number;
  guildId: string | null;
  userId: string;
  /** Display name, kept for leaderboards. */
  userName: string;
  option: number;
  correct: boolean;
  points: number;
  /** Right answers in a row including this one; 0 for a wrong answer. */
  streak: number;
  answeredAt: Date;
}

export interface ScoreRow {
  userId: string;
  name: string;
  points: number;
  correct: number;
  answers: number;
}

export interface RankedRow extends ScoreRow {
  /** 1-based; players with equal points share a rank. */
  rank: number;
}

export interface LeaderboardQuery {
  /** Answers given at or after this time; null for all time. */
  since: Date | null;
  /** One server's answers; null for every server (and DMs). */
  guildId: string | null;
  limit: number;
  /** Also find this player's own row when it is not in the top `limit`. */
  userId?: string;
}

export interface Leaderboard {
  rows: RankedRow[];
  /** The asking player's row, when they have points in the window and have not opted out. */
  self: RankedRow | null;
  /** Players on the board in all. */
  players: number;
}

export interface PlayerStats {
  games: number;
  answers: number;
  correct: number;
  points: number;
  bestStreak: number;
}

/** A game that was still running when the process stopped; closed at the next start. */
export interface InterruptedGame {
  id: string;
  channelId: string;
  /** The message with the last question posted, whose buttons should be retired. */
  messageId: string | null;
  locale: string;
  scores: ScoreRow[];
}

export type RecordResult = 'recorded' | 'duplicate';
export type CreateResult = 'created' | 'id-taken' | 'channel-busy';

export interface Storage {
  /** 'id-taken': draw another id. 'channel-busy': the channel already has a running game. */
  createGame(game: GameRecord): Promise<CreateResult>;
  /** Remembers the message of the question now on screen, so a restart can retire its buttons. */
  setGameMessage(gameId: string, messageId: string): Promise<void>;
  endGame(gameId: string, end: GameEnd, at: Date): Promise<void>;
  /** Marks every game still running as interrupted; their answers (and points) stay. */
  closeRunningGames(at: Date): Promise<InterruptedGame[]>;
  /** Saves one answer; 'duplicate' when this player already answered this question. */
  recordAnswer(answer: AnswerRecord): Promise<RecordResult>;
  gameScores(gameId: string): Promise<ScoreRow[]>;
  playerStats(userId: string): Promise<PlayerStats>;
  leaderboard(query: LeaderboardQuery): Promise<Leaderboard>;
  /** True when this changed the setting. */
  setOptOut(user: { id: string; name: string }, optedOut: boolean, at: Date): Promise<boolean>;
  isOptedOut(userId: string): Promise<boolean>;
  close(): void;
}
