// What the quiz keeps: games, every answer as it is given, who opted out of leaderboards, and which
// process (instance) drives each running game. Two engines implement it: src/storage/sqlite.ts (one
// file, the default) and src/storage/postgres.ts (DATABASE_URL, shared by several processes).
// Methods are async for PostgreSQL's sake even though SQLite answers synchronously.

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
  /** The instance that drives the game's timers. */
  owner: string;
  /** Each question's right option and option count, so any instance can score a click. */
  answerKey: AnswerKey;
  /** What another instance needs to carry the game on (JSON, opaque here): starter's name, questions. */
  setup: string;
}

export interface AnswerKeyEntry {
  answer: number;
  options: number;
}
export type AnswerKey = AnswerKeyEntry[];

/** A running game as another instance sees it: to take a click on it, or to carry it on. */
export interface SharedGame extends Omit<GameRecord, 'owner' | 'setup'> {
  /** Null for a game started before owners existed. */
  owner: string | null;
  /** GameRecord.setup; null for a game started before owners existed. */
  setup: string | null;
  /** The message of the question on screen. */
  messageId: string | null;
  /** The question on screen (0-based), null before the first is posted. */
  round: number | null;
  roundOpenedAt: Date | null;
  /** True while the owner takes answers to `round`. */
  roundOpen: boolean;
}

/** An answer as the owner reads it back at the end of a round. */
export interface RoundAnswerRow {
  /** 0-based question number. */
  question: number;
  userId: string;
  name: string;
  option: number;
  correct: boolean;
  points: number;
  streak: number;
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

/** 'closed': the answer came after the round closed (recordAnswer with whileOpen only). */
export type RecordResult = 'recorded' | 'duplicate' | 'closed';
export type CreateResult = 'created' | 'id-taken' | 'channel-busy';

export interface Storage {
  /** 'id-taken': draw another id. 'channel-busy': the channel already has a running game. */
  createGame(game: GameRecord): Promise<CreateResult>;
  /**
   * Remembers the message of the question now on screen, so a restart can retire its buttons; false
   * when the game is no longer running (stopped on another instance meanwhile).
   */
  setGameMessage(gameId: string, messageId: string): Promise<boolean>;
  /** True when this call ended the game; false when it had already ended (elsewhere, perhaps). */
  endGame(gameId: string, end: GameEnd, at: Date): Promise<boolean>;
  /**
   * Marks `round` as the question on screen, taking answers from now; false when the game is no
   * longer running or no longer this owner's (another instance took it over).
   */
  openRound(gameId: string, owner: string, round: number, openedAt: Date): Promise<boolean>;
  /** Stops taking answers to `round` (on every instance) and returns the answers it got. */
  closeRound(gameId: string, round: number): Promise<RoundAnswerRow[]>;
  /** The running game with this id, or null. */
  sharedGame(gameId: string): Promise<SharedGame | null>;
  /** The running game in this channel, or null (a /quiz command that reached another instance). */
  channelGame(channelId: string): Promise<SharedGame | null>;
  /** Running games this owner drives. */
  ownedGames(owner: string): Promise<SharedGame[]>;
  /**
   * Running games of any run of this instance name: owner `instanceId` or "<instanceId>#…" (a restart
   * under the same INSTANCE_ID finds its predecessor's).
   */
  instanceGames(instanceId: string): Promise<SharedGame[]>;
  /** Every answer of a game so far, to carry it on. */
  gameAnswers(gameId: string): Promise<RoundAnswerRow[]>;
  /** Running games whose owner's lease has expired at `now` (or that have no owner). */
  staleGames(now: Date): Promise<SharedGame[]>;
  /**
   * Makes `instanceId` the owner of a stale game that `previousOwner` held; false when the game is
   * no longer stale or another instance claimed it first. `evenIfLive`: also while the previous
   * owner's lease runs (a predecessor under the same instance name, known to be gone).
   */
  claimGame(
    gameId: string,
    previousOwner: string | null,
    instanceId: string,
    now: Date,
    options?: { evenIfLive?: boolean },
  ): Promise<boolean>;
  /** This player's answer to one question of a game, for streaks. */
  answerOf(gameId: string, question: number, userId: string): Promise<{ correct: boolean; streak: number } | null>;
  /** Extends (or starts) an instance's lease to `until`. */
  renewLease(instanceId: string, until: Date): Promise<void>;
  /** Ends these instances' leases at once (a clean shutdown, or a process known to be dead). */
  expireLeases(instanceIds: readonly string[]): Promise<void>;
  /** Owners of running games whose lease has not expired at `now`. */
  liveOwners(now: Date): Promise<string[]>;
  /**
   * Marks interrupted every running game whose owner's lease has expired at `now` (or that has no
   * owner), never a game of a live instance; their answers (and points) stay.
   */
  closeStaleGames(now: Date): Promise<InterruptedGame[]>;
  /**
   * Saves one answer; 'duplicate' when this player already answered this question. With `whileOpen`,
   * only while the question is the game's open round ('closed' otherwise), checked in the same statement.
   */
  recordAnswer(answer: AnswerRecord, options?: { whileOpen?: boolean }): Promise<RecordResult>;
  gameScores(gameId: string): Promise<ScoreRow[]>;
  playerStats(userId: string): Promise<PlayerStats>;
  leaderboard(query: LeaderboardQuery): Promise<Leaderboard>;
  /** True when this changed the setting. */
  setOptOut(user: { id: string; name: string }, optedOut: boolean, at: Date): Promise<boolean>;
  isOptedOut(userId: string): Promise<boolean>;
  close(): Promise<void>;
}
