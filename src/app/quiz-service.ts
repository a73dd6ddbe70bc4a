// Runs quiz games: one per channel, questions posted and revealed through a channel port, every
// answer saved the moment it is accepted. Timers go through an injected Scheduler so tests drive a
// whole game with fake timers. Lifecycle steps of a game (reveal, next question, stop) run one after
// another on that game's chain; clicks do not wait for them.
//
// Several processes may share one database (shards, HTTP instances). Each game has an owner, the
// instance that started it and drives its timers; each instance holds a lease it renews. A click that
// reaches another instance is scored there from the game's row and saved under the same one-answer
// rule (a database key); the owner reads those answers back when it closes the round. /quiz stop on
// another instance ends the game in the database and answers with the final standings; the owner sees
// the game ended at its next step and lets it go. A game whose owner's lease expires (the process
// died) is carried on by whichever live instance claims it first, and a process restarting under the
// same instance id (INSTANCE_ID) carries on its predecessor's games at once; a game left silent for
// longer than resumeWithinMs is closed with its scores instead.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Dataset } from '../data/types.js';
import { QuizGame, type PlayerRef, type RoundSummary } from '../domain/quiz/game.js';
import { periodStart, type Period } from '../domain/quiz/periods.js';
import { answerPoints } from '../domain/quiz/scoring.js';
import { generateQuestions } from '../domain/quiz/questions.js';
import {
  DIFFICULTIES,
  type Question,
  QUIZ_TOPICS,
  SETTINGS_LIMITS,
  type Difficulty,
  type QuizSettings,
  type QuizTopic,
} from '../domain/quiz/types.js';
import type { Random } from '../domain/random.js';
import type { Locale } from '../i18n/index.js';
import type { Logger } from '../log.js';
import type { InterruptedGame, RecordResult, RoundAnswerRow, SharedGame, Storage } from '../storage/types.js';
import {
  difficultyLabel,
  finalReply,
  interruptedReply,
  leaderboardReply,
  LETTERS,
  notice,
  parseAnswerId,
  playerName,
  questionReply,
  quizTopicLabel,
  revealReply,
  statsReply,
  type GameEnding,
} from '../views/quiz.js';
import { t } from '../views/quiz.messages.js';
import type { ChannelPort, ComponentResult, MessageRef, Reply } from '../reply/reply.js';

export interface Scheduler {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/**
 * Node's timers, looked up at call time (so vitest's fake timers apply) and unref'd: a pending quiz
 * timer alone never keeps a process alive (the console's one-shot mode exits after printing).
 */
const timerScheduler: Scheduler = {
  set(callback, ms) {
    const handle = globalThis.setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clear(handle) {
    globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/** Who is asking, and where: a CommandContext fits. */
export interface QuizCaller {
  user: PlayerRef;
  guildId: string | null;
  channelId: string;
  /** Language of public messages in the channel. */
  locale: Locale;
  /** Language of replies only this user sees. */
  userLocale: Locale;
  canManageMessages: boolean;
}

export interface StartOptions {
  rounds?: number;
  seconds?: number;
  difficulty?: string;
  topic?: string;
}

export interface QuizServiceOptions {
  data: Dataset;
  random: Random;
  now: () => Date;
  /** Opened on first use, so building an App touches no disk until a quiz or board is wanted. */
  openStorage: () => Storage | Promise<Storage>;
  /**
   * This process's stable name (INSTANCE_ID); unique by default (host, pid, random). Its games are
   * owned by "<name>#<random>", one owner per process run, so a restart under the same name tells its
   * predecessor's games from its own, and two live processes given one name do not drive one game.
   */
  instanceId?: string;
  /** How long a lease lasts unrenewed; renewed every third of it. */
  leaseMs?: number;
  scheduler?: Scheduler;
  log?: Logger;
  /** Pause between a reveal and the next question. */
  revealMs?: number;
  /**
   * An orphaned game (its owner died) is carried on if it has been silent for at most this long
   * past its round's end, and closed with its scores otherwise: players still at the screen get
   * their game back, a channel that moved on is not woken by a stray question.
   */
  resumeWithinMs?: number;
}

export interface ConnectOptions {
  /**
   * Carry on (or close) games whose owner died. The Discord front ends do; the offline console does
   * not: a game of Discord players must not move into a terminal.
   */
  adoptGames?: boolean;
}

const DEFAULT_REVEAL_MS = 5000;
const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_RESUME_WITHIN_MS = 120_000;
const GAME_ID_LENGTH = 8;
const GAME_ID_ATTEMPTS = 5;
const BOARD_SIZE = 10;

interface ActiveGame {
  game: QuizGame;
  /** The message of the current question. */
  message: MessageRef | null;
  timer: unknown;
  /** Answer writes in flight; a round is revealed only after they settle. */
  pending: Set<Promise<unknown>>;
  /** Lifecycle steps, one after another. */
  chain: Promise<void>;
  ended: boolean;
}

const silentLog: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export class QuizService {
  private readonly scheduler: Scheduler;
  private readonly log: Logger;
  private readonly revealMs: number;
  private port: ChannelPort | null = null;
  private storage: Storage | null = null;
  readonly instanceId: string;
  /** The owner of this process's games and lease: the instance id, plus "#random" when it is a stable name. */
  readonly ownerId: string;
  private twinReported = false;
  /** This process's start-up recovery (of its predecessor's games) has run. */
  private recovered = false;
  private readonly leaseMs: number;
  private leaseTimer: unknown;
  private readonly resumeWithinMs: number;
  private adoptGames = false;
  private recovery: Promise<void> = Promise.resolve();
  private ready: Promise<void> | null = null;
  private closed = false;
  private readonly games = new Map<string, ActiveGame>();
  /** Channel → its game, or 'starting' while a start is between its checks and its first message. */
  private readonly channels = new Map<string, ActiveGame | 'starting'>();
  /** Answers saved by this process since it started (the /metrics counter). */
  answersRecorded = 0;

  constructor(private readonly options: QuizServiceOptions) {
    this.scheduler = options.scheduler ?? timerScheduler;
    this.log = options.log ?? silentLog;
    this.revealMs = options.revealMs ?? DEFAULT_REVEAL_MS;
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.ownerId = options.instanceId ? `${options.instanceId}#${randomBytes(3).toString('hex')}` : this.instanceId;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.resumeWithinMs = options.resumeWithinMs ?? DEFAULT_RESUME_WITHIN_MS;
  }

  /**
   * Called once by the front end at start, with the port games post through. Opens the database and
   * (adoptGames, the default) deals at once with games whose owner is gone: this instance's own from
   * before a restart under the same INSTANCE_ID, and those whose owner's lease has expired. Each is
   * carried on from its current question, or closed with its scores when it has been silent too long.
   * Never rejects: a failure is logged, and the next quiz command tries the database again.
   */
  async connect(port: ChannelPort, options: ConnectOptions = {}): Promise<void> {
    this.port = port;
    this.adoptGames = options.adoptGames ?? true;
    try {
      await this.store();
      if (this.adoptGames) await this.recover(this.storage!);
    } catch (error) {
      this.log.error('quiz: could not open the database', { error });
    }
  }

  /** Edits the question left on screen by each interrupted game into a notice with its standings. */
  private async retire(interrupted: readonly InterruptedGame[]): Promise<void> {
    const port = this.port;
    if (!port) return;
    await Promise.all(
      interrupted.map(async (game) => {
        if (!game.messageId) return;
        const locale: Locale = game.locale === 'zh-CN' ? 'zh-CN' : 'en';
        try {
          await port.edit(
            { channelId: game.channelId, messageId: game.messageId },
            interruptedReply(locale, game.scores),
          );
        } catch (error) {
          this.log.warn('quiz: could not retire an interrupted game', { gameId: game.id, error });
        }
      }),
    );
  }

  /**
   * Renews this instance's lease and ends the leases of processes on this host known to be dead (so
   * a restart after a crash finds its predecessor's games stale at once).
   */
  private async refreshLeases(db: Storage): Promise<void> {
    const now = this.options.now();
    await db.renewLease(this.ownerId, new Date(now.getTime() + this.leaseMs));
    const live = await db.liveOwners(now);
    const dead = live.filter((owner) => owner !== this.ownerId && isDeadLocalProcess(owner));
    await db.expireLeases(dead);
    // Another process renewing a lease under this instance's name: INSTANCE_ID given to two processes.
    const twin = live.find((owner) => owner !== this.ownerId && ownerIsInstance(owner, this.instanceId));
    if (twin && this.recovered && !this.twinReported) {
      this.twinReported = true;
      this.log.error('quiz: another running process uses this INSTANCE_ID; give each process its own', {
        instanceId: this.instanceId,
        other: twin,
      });
    }
  }

  /**
   * Every game whose owner is gone, dealt with now: this instance's own that it does not drive (a
   * predecessor under the same id), then every stale game it can claim; what is left stale (a game
   * from before owners existed) is closed.
   */
  private recover(db: Storage): Promise<void> {
    // One pass at a time: connect's and the lease timer's must not both carry on the same game.
    const pass = this.recovery.then(() => this.recoverOnce(db));
    this.recovery = pass.catch(() => undefined);
    return pass;
  }

  private async recoverOnce(db: Storage): Promise<void> {
    if (this.closed) return;
    // At start only: later, a game under this name that this process does not drive is a twin's.
    if (!this.recovered) {
      for (const shared of await db.instanceGames(this.instanceId)) {
        if (shared.owner === this.ownerId || this.channels.has(shared.channelId)) continue;
        if (!(await db.claimGame(shared.id, shared.owner, this.ownerId, this.options.now(), { evenIfLive: true })))
          continue;
        await this.adopt(db, shared, 'its own, from before a restart');
      }
      this.recovered = true;
    }
    await this.takeOver(db);
    await this.retire(await db.closeStaleGames(this.options.now()));
  }

  /**
   * Every third of the lease: renew it, let go of games ended elsewhere (a /quiz stop on another
   * instance), and, when adopting, carry on or close the games whose owner stopped renewing its lease.
   */
  private scheduleLease(): void {
    this.leaseTimer = this.scheduler.set(
      () => {
        const db = this.storage;
        if (this.closed || !db) return;
        this.refreshLeases(db)
          .then(() => this.releaseEndedElsewhere(db))
          .then(() => (this.adoptGames && this.port ? this.recover(db) : undefined))
          .catch((error: unknown) => this.log.warn('quiz: could not renew the lease', { error }))
          .finally(() => {
            if (!this.closed) this.scheduleLease();
          });
      },
      Math.max(1, Math.floor(this.leaseMs / 3)),
    );
  }

  /** Stops driving games this instance holds in memory that the database says are over or not its own. */
  private async releaseEndedElsewhere(db: Storage): Promise<void> {
    if (this.games.size === 0) return;
    const owned = new Set((await db.ownedGames(this.ownerId)).map((g) => g.id));
    for (const active of [...this.games.values()]) {
      if (owned.has(active.game.id) || active.ended) continue;
      this.log.info('quiz: the game was ended on another instance; no longer driving it', { gameId: active.game.id });
      this.release(active);
    }
  }

  /** Claims each game whose owner's lease has expired and carries it on here (or closes it). */
  private async takeOver(db: Storage): Promise<void> {
    if (!this.port) return;
    const now = this.options.now();
    for (const shared of await db.staleGames(now)) {
      if (this.channels.has(shared.channelId)) continue;
      if (!(await db.claimGame(shared.id, shared.owner, this.ownerId, now))) continue;
      await this.adopt(db, shared, `from ${shared.owner ?? 'an earlier version'}, whose lease expired`);
    }
  }

  /**
   * A game this instance now owns but does not drive: carried on from its current question when it
   * can be (its questions are stored) and has not been silent too long; otherwise closed with its
   * scores, its question on screen edited into a notice.
   */
  private async adopt(db: Storage, shared: SharedGame, whose: string): Promise<void> {
    const now = this.options.now();
    const setup = parseSetup(shared.setup);
    const silentMs = now.getTime() - lastDue(shared, this.revealMs);
    if (setup && silentMs <= this.resumeWithinMs) {
      try {
        this.resume(shared, setup, await db.gameAnswers(shared.id));
        this.log.info('quiz: took over a game and carried it on', { gameId: shared.id, whose });
        return;
      } catch (error) {
        this.log.error('quiz: could not take over a game', { gameId: shared.id, error });
      }
    }
    if (!(await db.endGame(shared.id, 'interrupted', now))) return;
    this.log.info('quiz: closed a game whose owner was gone', { gameId: shared.id, whose, silentMs });
    await this.retire([
      {
        id: shared.id,
        channelId: shared.channelId,
        messageId: shared.messageId,
        locale: shared.locale,
        scores: await db.gameScores(shared.id),
      },
    ]);
  }

  /**
   * Rebuilds a game from its row and answers (scores, streaks, the round on screen open) without
   * driving it: to carry it on, or to show its end on an instance that does not own it.
   */
  private rebuild(shared: SharedGame, setup: GameSetup, answers: readonly RoundAnswerRow[]): QuizGame {
    const game = new QuizGame(
      {
        id: shared.id,
        guildId: shared.guildId,
        channelId: shared.channelId,
        starter: { id: shared.starterId, name: setup.starterName },
        locale: shared.locale === 'zh-CN' ? 'zh-CN' : 'en',
        settings: {
          rounds: setup.questions.length,
          seconds: shared.seconds,
          difficulty: shared.difficulty as Difficulty,
          topic: shared.topic as QuizTopic,
        },
        startedAt: shared.startedAt.getTime(),
      },
      setup.questions,
    );
    const current = shared.round ?? -1;
    for (let round = 0; round <= current; round++) {
      if (round > 0) game.advance();
      game.open(round === current ? (shared.roundOpenedAt?.getTime() ?? 0) : 0);
      for (const answer of answers)
        if (answer.question === round) game.absorb({ id: answer.userId, name: answer.name }, answer);
    }
    return game;
  }

  /**
   * Drives a rebuilt game from here: the open round closes at its deadline (at once if that has
   * passed), then the game goes on.
   */
  private resume(shared: SharedGame, setup: GameSetup, answers: readonly RoundAnswerRow[]): void {
    const game = this.rebuild(shared, setup, answers);
    const active: ActiveGame = {
      game,
      message: shared.messageId ? { channelId: shared.channelId, messageId: shared.messageId } : null,
      timer: undefined,
      pending: new Set(),
      chain: Promise.resolve(),
      ended: false,
    };
    this.games.set(game.id, active);
    this.channels.set(game.info.channelId, active);
    if (shared.round === null) {
      void this.step(active, () => this.postQuestion(active));
      return;
    }
    const wait = Math.max(0, game.deadline - this.options.now().getTime());
    active.timer = this.scheduler.set(() => void this.step(active, () => this.endRound(active)), wait);
  }

  /**
   * Opens the database now rather than on the first quiz command, so a server start can stop with a
   * clear message when DATABASE_PATH is unusable. Rejects with DatabaseOpenError or SchemaTooNewError.
   */
  async open(): Promise<void> {
    await this.store();
  }

  /**
   * Stops every game's timers, gives up the lease and closes the database. Games still running are
   * then orphans: another instance carries them on at its next lease check, or this one at its next
   * start under the same INSTANCE_ID.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.scheduler.clear(this.leaseTimer);
    for (const active of this.games.values()) {
      active.ended = true;
      this.scheduler.clear(active.timer);
    }
    this.games.clear();
    this.channels.clear();
    const storage = this.storage;
    const ready = this.ready;
    this.storage = null;
    this.ready = null;
    if (!storage) return;
    try {
      if (ready) await ready.catch(() => undefined);
      await storage.expireLeases([this.ownerId]);
    } catch (error) {
      this.log.warn('quiz: could not give up the lease', { error });
    } finally {
      await storage.close();
    }
  }

  /** The database has been opened and not closed (/readyz). */
  get databaseOpen(): boolean {
    return this.storage !== null && !this.closed;
  }

  get runningGames(): number {
    return this.games.size;
  }

  /** The open database, with this instance's lease taken. */
  private async db(): Promise<Storage> {
    await this.store();
    return this.storage!;
  }

  private store(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the quiz service is closed'));
    if (!this.ready) {
      const attempt = (async () => {
        this.storage ??= await this.options.openStorage();
        await this.refreshLeases(this.storage);
        if (this.leaseTimer === undefined) this.scheduleLease();
      })();
      // A failed open (bad path, disk full) is retried by the next command rather than remembered.
      attempt.catch(() => {
        if (this.ready === attempt) this.ready = null;
      });
      this.ready = attempt;
    }
    return this.ready;
  }

  // -------------------------------------------------------------------------------------------
  // Starting and stopping.

  async start(caller: QuizCaller, options: StartOptions): Promise<Reply> {
    const locale = caller.userLocale;
    const settings = this.readSettings(options, locale);
    if (typeof settings === 'string') return notice(settings);
    const busy = this.channels.get(caller.channelId);
    if (busy && !(busy !== 'starting' && (await this.endedElsewhere(busy)))) return notice(this.busyText(busy, locale));
    if (!this.port) return notice(t(locale, 'unavailable'));

    const questions = generateQuestions(this.options.data, this.options.random, settings);
    if (questions.length < SETTINGS_LIMITS.rounds.min) return notice(t(locale, 'notEnoughQuestions'));

    this.channels.set(caller.channelId, 'starting');
    let active: ActiveGame | undefined;
    try {
      const db = await this.db();
      const id = await this.createGame(db, caller, settings, questions);
      if (!id) {
        this.channels.delete(caller.channelId);
        // Another instance runs a game here (the command reached this one through a load balancer).
        const running = await db.channelGame(caller.channelId);
        return notice(running ? this.sharedBusyText(running, locale) : t(locale, 'starting'));
      }
      const game = new QuizGame(
        {
          id,
          guildId: caller.guildId,
          channelId: caller.channelId,
          starter: { id: caller.user.id, name: caller.user.name },
          locale: caller.locale,
          settings: { ...settings, rounds: questions.length },
          startedAt: this.options.now().getTime(),
        },
        questions,
      );
      const created: ActiveGame = {
        game,
        message: null,
        timer: undefined,
        pending: new Set(),
        chain: Promise.resolve(),
        ended: false,
      };
      active = created;
      this.games.set(id, created);
      this.channels.set(caller.channelId, created);
      // On the game's chain, so a /quiz stop arriving meanwhile waits for the question to be up.
      await this.step(created, () => this.postQuestion(created));
      if (created.ended) return notice(t(locale, 'cannotPost'));
    } catch (error) {
      this.log.error('quiz: could not start a game', { channelId: caller.channelId, error });
      if (active) await this.abandon(active);
      else this.channels.delete(caller.channelId);
      return notice(t(locale, active ? 'cannotPost' : 'unavailable'));
    }
    return notice(t(locale, 'started'));
  }

  private readSettings(options: StartOptions, locale: Locale): QuizSettings | string {
    const { rounds, seconds } = SETTINGS_LIMITS;
    const whole = (name: string, value: number | undefined, limits: { min: number; max: number; default: number }) => {
      if (value === undefined) return limits.default;
      if (!Number.isInteger(value) || value < limits.min || value > limits.max) {
        return t(locale, 'outOfRange', { option: name, min: limits.min, max: limits.max });
      }
      return value;
    };
    const roundCount = whole('rounds', options.rounds, rounds);
    if (typeof roundCount === 'string') return roundCount;
    const secondCount = whole('seconds', options.seconds, seconds);
    if (typeof secondCount === 'string') return secondCount;
    const difficulty = options.difficulty ?? 'normal';
    if (!DIFFICULTIES.includes(difficulty as Difficulty)) {
      const choices = DIFFICULTIES.map((d) => difficultyLabel(d, locale)).join(', ');
      return t(locale, 'badChoice', { option: 'difficulty', choices });
    }
    const topic = options.topic ?? 'any';
    if (!QUIZ_TOPICS.includes(topic as QuizTopic)) {
      const choices = QUIZ_TOPICS.map((q) => quizTopicLabel(q, locale)).join(', ');
      return t(locale, 'badChoice', { option: 'topic', choices });
    }
    return {
      rounds: roundCount,
      seconds: secondCount,
      difficulty: difficulty as Difficulty,
      topic: topic as QuizTopic,
    };
  }

  /** Inserts the game under a fresh random id; null when the database says the channel is busy. */
  private async createGame(
    db: Storage,
    caller: QuizCaller,
    settings: QuizSettings,
    questions: readonly Question[],
  ): Promise<string | null> {
    for (let attempt = 0; attempt < GAME_ID_ATTEMPTS; attempt++) {
      const id = this.drawId();
      const result = await db.createGame({
        id,
        guildId: caller.guildId,
        channelId: caller.channelId,
        starterId: caller.user.id,
        locale: caller.locale,
        rounds: settings.rounds,
        seconds: settings.seconds,
        difficulty: settings.difficulty,
        topic: settings.topic,
        startedAt: this.options.now(),
        owner: this.ownerId,
        answerKey: questions.map((q) => ({ answer: q.answer, options: q.options.length })),
        setup: JSON.stringify({ starterName: caller.user.name, questions } satisfies GameSetup),
      });
      if (result === 'created') return id;
      if (result === 'channel-busy') return null;
    }
    throw new Error(`no free game id after ${GAME_ID_ATTEMPTS} attempts`);
  }

  /** Drawn after the questions, so the questions of a seeded game do not depend on the database. */
  private drawId(): string {
    let id = '';
    for (let i = 0; i < GAME_ID_LENGTH; i++) id += Math.floor(this.options.random() * 36).toString(36);
    return id;
  }

  private busyText(busy: ActiveGame | 'starting', locale: Locale): string {
    if (busy === 'starting') return t(locale, 'starting');
    const game = busy.game;
    return this.timeLeftText(game.questions.length - game.round - 1, game.deadline, game.durationMs, locale);
  }

  /** The same, for a game another instance drives, from its row. */
  private sharedBusyText(shared: SharedGame, locale: Locale): string {
    const durationMs = shared.seconds * 1000;
    const round = shared.round ?? 0;
    const deadline = (shared.roundOpenedAt ?? shared.startedAt).getTime() + durationMs;
    return this.timeLeftText(shared.answerKey.length - round - 1, deadline, durationMs, locale);
  }

  private timeLeftText(roundsAfter: number, deadline: number, durationMs: number, locale: Locale): string {
    const leftThisRound = Math.max(0, deadline - this.options.now().getTime());
    const minutes = Math.ceil((leftThisRound + Math.max(0, roundsAfter) * (durationMs + this.revealMs)) / 60_000);
    return minutes <= 1 ? t(locale, 'alreadyRunningSoon') : t(locale, 'alreadyRunning', { minutes });
  }

  /**
   * True (and the game let go here) when a game this instance drives has been ended or taken over
   * elsewhere since its last step; the lease timer would notice too, a little later.
   */
  private async endedElsewhere(active: ActiveGame): Promise<boolean> {
    let shared: SharedGame | null;
    try {
      shared = await (await this.db()).sharedGame(active.game.id);
    } catch (error) {
      // The database is down for a moment: carry on as the owner; the next step asks again.
      this.log.warn('quiz: could not read the game’s row', { gameId: active.game.id, error });
      return false;
    }
    if (shared && shared.owner === this.ownerId) return false;
    this.log.info('quiz: the game was ended on another instance; no longer driving it', { gameId: active.game.id });
    this.release(active);
    return true;
  }

  async stop(caller: QuizCaller): Promise<Reply> {
    const locale = caller.userLocale;
    const active = this.channels.get(caller.channelId);
    if (!active) return this.stopElsewhere(caller);
    if (active === 'starting') return notice(t(locale, 'starting'));
    const starter = active.game.info.starter;
    if (caller.user.id !== starter.id && !caller.canManageMessages) {
      return notice(t(locale, 'notAllowed', { name: playerName(starter.name) }));
    }
    let reply: Reply = notice(t(locale, 'noGame'));
    await this.step(active, async () => {
      this.scheduler.clear(active.timer);
      const posted = active.game.phase !== 'waiting';
      await this.endGame(active);
      // The question on screen is revealed, or shown again if it already was, now without the
      // promise of a next question; the final standings follow as the reply.
      if (posted) await this.showReveal(active, active.game.close());
      reply = await this.saveEnd(active, 'stopped', { kind: 'stopped', by: caller.user.name });
    });
    return reply;
  }

  /**
   * /quiz stop for a game this instance does not drive (behind a load balancer, another instance
   * started it, or it is between owners): ended in the database, which the owner sees at its next
   * step; the question on screen revealed and the final standings given, as the owner would.
   */
  private async stopElsewhere(caller: QuizCaller): Promise<Reply> {
    const locale = caller.userLocale;
    let db: Storage;
    let shared: SharedGame | null;
    try {
      db = await this.db();
      shared = await db.channelGame(caller.channelId);
    } catch (error) {
      this.log.error('quiz: could not look up the channel’s game', { channelId: caller.channelId, error });
      return notice(t(locale, 'unavailable'));
    }
    if (!shared) return notice(t(locale, 'noGame'));
    const setup = parseSetup(shared.setup);
    if (caller.user.id !== shared.starterId && !caller.canManageMessages) {
      return notice(t(locale, 'notAllowed', { name: playerName(setup?.starterName ?? shared.starterId) }));
    }
    const now = this.options.now();
    if (!(await db.endGame(shared.id, 'stopped', now))) return notice(t(locale, 'noGame'));
    this.log.info('quiz: stopped a game another instance drives', { gameId: shared.id, owner: shared.owner });
    const message = shared.messageId ? { channelId: shared.channelId, messageId: shared.messageId } : null;
    if (!setup) {
      // A game from before the questions were stored: its standings, without a reveal.
      const reply = interruptedReply(shared.locale === 'zh-CN' ? 'zh-CN' : 'en', await db.gameScores(shared.id));
      if (message) await this.port?.edit(message, reply).catch(() => undefined);
      return reply;
    }
    const game = this.rebuild(shared, setup, await db.gameAnswers(shared.id));
    game.end();
    if (shared.round !== null && message && this.port) {
      try {
        await this.port.edit(message, revealReply(game, game.close()));
      } catch (error) {
        this.log.warn('quiz: could not edit the question message', { gameId: game.id, error });
      }
    }
    return finalReply(game, { kind: 'stopped', by: caller.user.name });
  }

  // -------------------------------------------------------------------------------------------
  // The rounds.

  /** Runs one lifecycle step after those already queued; skipped once the game has ended. */
  private step(active: ActiveGame, work: () => Promise<void>): Promise<void> {
    const run = active.chain.then(async () => {
      if (active.ended) return;
      try {
        await work();
      } catch (error) {
        this.log.error('quiz: a game step failed; ending the game', { gameId: active.game.id, error });
        await this.abandon(active);
      }
    });
    active.chain = run;
    return run;
  }

  /** Opens the current round and posts it; the round closes after the game's seconds. */
  private async postQuestion(active: ActiveGame): Promise<void> {
    const { game } = active;
    // Open before posting, here and for other instances: a click can arrive the moment the message shows.
    const openedAt = this.options.now();
    game.open(openedAt.getTime());
    const db = await this.db();
    if (!(await db.openRound(game.id, this.ownerId, game.round, openedAt))) {
      // Another instance closed or took over the game (this one's lease had lapsed): stop driving it.
      this.log.warn('quiz: the game was closed elsewhere; stopping it here', { gameId: game.id });
      this.release(active);
      return;
    }
    active.message = await this.port!.send(game.info.channelId, questionReply(game));
    if (!(await db.setGameMessage(game.id, active.message.messageId))) {
      // Stopped on another instance while this question was being posted: show it closed.
      this.log.info('quiz: the game was ended on another instance; no longer driving it', { gameId: game.id });
      this.release(active);
      game.end();
      await this.showReveal(active, game.close());
      return;
    }
    const wait = Math.max(0, game.deadline - this.options.now().getTime());
    active.timer = this.scheduler.set(() => void this.step(active, () => this.endRound(active)), wait);
  }

  private async endRound(active: ActiveGame): Promise<void> {
    // A /quiz stop on another instance ended the game there (and revealed this question).
    if (await this.endedElsewhere(active)) return;
    await this.reveal(active);
    if (active.game.hasNext) {
      active.timer = this.scheduler.set(() => void this.step(active, () => this.nextQuestion(active)), this.revealMs);
    } else {
      await this.endGame(active);
      const db = await this.db();
      // False: stopped elsewhere meanwhile, and that stop gave the final standings.
      if (!(await db.endGame(active.game.id, 'finished', this.options.now()))) return;
      await this.port!.send(active.game.info.channelId, finalReply(active.game, { kind: 'finished' }));
    }
  }

  private async nextQuestion(active: ActiveGame): Promise<void> {
    active.game.advance();
    await this.postQuestion(active);
  }

  /** Closes the round, waits for answers being saved, and edits the question into its reveal. */
  private async reveal(active: ActiveGame): Promise<void> {
    await this.settleRound(active);
    await this.showReveal(active, active.game.close());
  }

  /**
   * Stops taking answers here and on every instance, waits for answers being saved, then counts the
   * answers other instances took. Scored only once every accepted answer is saved (or given back
   * after a failed save).
   */
  private async settleRound(active: ActiveGame): Promise<void> {
    const { game } = active;
    const wasTaking = game.phase === 'open' || game.phase === 'closing';
    game.lock();
    await Promise.allSettled([...active.pending]);
    if (!wasTaking) return;
    try {
      const rows = await (await this.db()).closeRound(game.id, game.round);
      for (const row of rows) game.absorb({ id: row.userId, name: row.name }, row);
    } catch (error) {
      this.log.error('quiz: could not read the round’s answers from other instances', { gameId: game.id, error });
    }
  }

  /** Edits the question message into its reveal. */
  private async showReveal(active: ActiveGame, summary: RoundSummary): Promise<void> {
    if (!active.message) return;
    try {
      await this.port!.edit(active.message, revealReply(active.game, summary));
    } catch (error) {
      // A deleted message should not end the game for everyone.
      this.log.warn('quiz: could not edit the question message', { gameId: active.game.id, error });
    }
  }

  /** Ends the game in memory once the answers being saved have settled; no click counts after this. */
  private async endGame(active: ActiveGame): Promise<void> {
    this.release(active);
    await this.settleRound(active);
    active.game.end();
  }

  /** Records the game's end in the database and returns its final standings. */
  private async saveEnd(active: ActiveGame, end: 'finished' | 'stopped', ending: GameEnding): Promise<Reply> {
    const db = await this.db();
    await db.endGame(active.game.id, end, this.options.now());
    return finalReply(active.game, ending);
  }

  /** Ends a game that cannot go on (its channel refuses our messages); points stay saved. */
  private async abandon(active: ActiveGame): Promise<void> {
    this.release(active);
    active.game.end();
    try {
      await (await this.db()).endGame(active.game.id, 'stopped', this.options.now());
    } catch (error) {
      this.log.error('quiz: could not close an abandoned game', { gameId: active.game.id, error });
    }
  }

  private release(active: ActiveGame): void {
    active.ended = true;
    this.scheduler.clear(active.timer);
    this.games.delete(active.game.id);
    if (this.channels.get(active.game.info.channelId) === active) this.channels.delete(active.game.info.channelId);
  }

  // -------------------------------------------------------------------------------------------
  // Clicks.

  /** An answer button: `id` is the custom_id after "quiz:". Always answers ephemerally. */
  async click(caller: QuizCaller, id: string): Promise<ComponentResult> {
    const locale = caller.userLocale;
    const reply = (text: string): ComponentResult => ({ kind: 'reply', reply: notice(text) });
    const parsed = parseAnswerId(id);
    if (!parsed) return reply(t(locale, 'staleButton'));
    const active = this.games.get(parsed.gameId);
    if (!active) return this.clickElsewhere(caller, parsed);

    const { game } = active;
    const now = this.options.now();
    const outcome = game.answer(caller.user, parsed.round, parsed.option, now.getTime());
    switch (outcome.kind) {
      case 'duplicate':
        return reply(t(locale, 'alreadyAnswered'));
      case 'round-over':
        return reply(t(locale, 'roundEnded'));
      case 'game-over':
        return reply(t(locale, 'gameEnded'));
      case 'invalid':
        return reply(t(locale, 'staleButton'));
      case 'accepted':
        break;
    }

    const write = this.db().then((db) =>
      db.recordAnswer(
        {
          gameId: game.id,
          question: parsed.round,
          guildId: game.info.guildId,
          userId: caller.user.id,
          userName: caller.user.name,
          option: parsed.option,
          correct: outcome.correct,
          points: outcome.points,
          streak: outcome.streak,
          answeredAt: now,
        },
        { whileOpen: true },
      ),
    );
    const settled = write.then(
      (result) => {
        // Another instance sharing the database took this player's answer first.
        if (result !== 'recorded') game.retract(caller.user.id, parsed.round);
        return result;
      },
      (error: unknown) => {
        game.retract(caller.user.id, parsed.round);
        throw error;
      },
    );
    active.pending.add(settled);
    try {
      return this.counted(await settled, parsed.option, locale);
    } catch (error) {
      this.log.error('quiz: could not save an answer', { gameId: game.id, error });
      return reply(t(locale, 'saveFailed'));
    } finally {
      active.pending.delete(settled);
    }
  }

  /**
   * A click on a game this instance does not drive (behind a load balancer, another instance posted
   * it): scored from the game's row as the owner would score it, and saved only while the owner's
   * round is open. The owner counts it when it closes the round.
   */
  private async clickElsewhere(
    caller: QuizCaller,
    parsed: { gameId: string; round: number; option: number },
  ): Promise<ComponentResult> {
    const locale = caller.userLocale;
    const reply = (text: string): ComponentResult => ({ kind: 'reply', reply: notice(text) });
    try {
      const db = await this.db();
      const shared = await db.sharedGame(parsed.gameId);
      if (!shared) return reply(t(locale, 'gameEnded'));
      const key = shared.answerKey[parsed.round];
      if (!key || !Number.isInteger(parsed.option) || parsed.option < 0 || parsed.option >= key.options) {
        return reply(t(locale, 'staleButton'));
      }
      if (shared.round === null || parsed.round > shared.round) return reply(t(locale, 'staleButton'));
      const now = this.options.now();
      const durationMs = shared.seconds * 1000;
      const elapsed = now.getTime() - (shared.roundOpenedAt?.getTime() ?? 0);
      if (parsed.round < shared.round || !shared.roundOpen || elapsed > durationMs)
        return reply(t(locale, 'roundEnded'));
      const correct = parsed.option === key.answer;
      const before = parsed.round > 0 ? await db.answerOf(shared.id, parsed.round - 1, caller.user.id) : null;
      const streak = correct ? (before?.correct ? before.streak : 0) + 1 : 0;
      const result = await db.recordAnswer(
        {
          gameId: shared.id,
          question: parsed.round,
          guildId: shared.guildId,
          userId: caller.user.id,
          userName: caller.user.name,
          option: parsed.option,
          correct,
          points: answerPoints(correct, elapsed, durationMs, streak),
          streak,
          answeredAt: now,
        },
        { whileOpen: true },
      );
      return this.counted(result, parsed.option, locale);
    } catch (error) {
      this.log.error('quiz: could not save an answer to another instance’s game', { gameId: parsed.gameId, error });
      return reply(t(locale, 'saveFailed'));
    }
  }

  /** Counts a recorded answer (for /metrics) and tells the player what became of it. */
  private counted(result: RecordResult, option: number, locale: Locale): ComponentResult {
    if (result === 'recorded') this.answersRecorded++;
    return recordedReply(result, option, locale);
  }

  // -------------------------------------------------------------------------------------------
  // Stats, leaderboards, opting out.

  async stats(caller: QuizCaller, user?: PlayerRef): Promise<Reply> {
    const db = await this.db();
    const target = user ?? caller.user;
    if (target.id !== caller.user.id && (await db.isOptedOut(target.id))) {
      return notice(t(caller.userLocale, 'statsHidden', { name: playerName(target.name) }));
    }
    return statsReply(caller.locale, target.name, await db.playerStats(target.id));
  }

  async leaderboard(caller: QuizCaller, period: Period, scope: 'server' | 'global'): Promise<Reply> {
    const db = await this.db();
    const now = this.options.now();
    const server = scope === 'server' && caller.guildId !== null;
    const board = await db.leaderboard({
      since: periodStart(period, now),
      guildId: server ? caller.guildId : null,
      limit: BOARD_SIZE,
      userId: caller.user.id,
    });
    const optedOut = await db.isOptedOut(caller.user.id);
    // An opted-out asker's board is private to them, so it speaks their language.
    return leaderboardReply(optedOut ? caller.userLocale : caller.locale, {
      period,
      server,
      board,
      now,
      optedOut,
      noServer: scope === 'server' && !server,
    });
  }

  async setOptOut(caller: QuizCaller, optedOut: boolean): Promise<Reply> {
    const db = await this.db();
    const changed = await db.setOptOut(caller.user, optedOut, this.options.now());
    const key = optedOut ? (changed ? 'optedOut' : 'alreadyOut') : changed ? 'optedIn' : 'alreadyIn';
    return notice(t(caller.userLocale, key));
  }
}

/** What a game's row keeps so another instance can carry it on (GameRecord.setup). */
interface GameSetup {
  starterName: string;
  questions: readonly Question[];
}

function parseSetup(json: string | null): GameSetup | null {
  if (!json) return null;
  try {
    const setup = JSON.parse(json) as Partial<GameSetup>;
    const usable =
      typeof setup.starterName === 'string' && Array.isArray(setup.questions) && setup.questions.length > 0;
    return usable ? (setup as GameSetup) : null;
  } catch {
    return null;
  }
}

function recordedReply(result: RecordResult, option: number, locale: Locale): ComponentResult {
  const text =
    result === 'recorded'
      ? t(locale, 'answerRecorded', { letter: LETTERS[option]! })
      : t(locale, result === 'duplicate' ? 'alreadyAnswered' : 'roundEnded');
  return { kind: 'reply', reply: notice(text) };
}

/**
 * When an orphaned game last had something due: its first question (not yet posted), the end of its
 * open round, or the next question after a reveal.
 */
function lastDue(shared: SharedGame, revealMs: number): number {
  if (shared.round === null || !shared.roundOpenedAt) return shared.startedAt.getTime();
  const roundEnd = shared.roundOpenedAt.getTime() + shared.seconds * 1000;
  return shared.roundOpen ? roundEnd : roundEnd + revealMs;
}

/** True when `owner` is this instance name or one run of it ("<name>#<random>"). */
function ownerIsInstance(owner: string, instanceId: string): boolean {
  return owner === instanceId || owner.startsWith(`${instanceId}#`);
}

/** Owner ids are "host:pid:random": a process on this host that no longer exists holds no lease. */
function isDeadLocalProcess(owner: string): boolean {
  const [host, pidText] = owner.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
