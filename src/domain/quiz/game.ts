// One quiz game as a state machine, with no I/O and no clock of its own: the service feeds it times
// and clicks, and writes what it accepts. A round is waiting (not yet posted), open (taking answers),
// closing (no new answers; the accepted ones are still being saved) or closed (scored and revealed);
// after the last round the game is over.
import type { Locale } from '../../i18n/index.js';
import { answerPoints } from './scoring.js';
import type { Question, QuizSettings } from './types.js';

export interface PlayerRef {
  id: string;
  name: string;
}

export interface PlayerScore extends PlayerRef {
  points: number;
  correct: number;
  answered: number;
  /** Right answers in a row up to the last closed round (or this open one, if answered right). */
  streak: number;
  bestStreak: number;
}

export type Phase = 'waiting' | 'open' | 'closing' | 'closed' | 'over';

export type AnswerOutcome =
  | { kind: 'accepted'; correct: boolean; points: number; streak: number }
  | { kind: 'duplicate' }
  | { kind: 'round-over' }
  | { kind: 'game-over' }
  | { kind: 'invalid' };

interface RoundAnswer {
  option: number;
  correct: boolean;
  points: number;
  /** The player's score before this answer, to put back if the answer cannot be saved. */
  before: PlayerScore | null;
}

export interface RoundSummary {
  question: Question;
  /** 0-based. */
  round: number;
  answered: number;
  right: number;
}

export interface GameInfo {
  id: string;
  guildId: string | null;
  channelId: string;
  starter: PlayerRef;
  /** The language of the channel's messages. */
  locale: Locale;
  settings: QuizSettings;
  startedAt: number;
}

export class QuizGame {
  private roundIndex = 0;
  private phaseNow: Phase = 'waiting';
  private openedAt = 0;
  private answers = new Map<string, RoundAnswer>();
  private readonly scores = new Map<string, PlayerScore>();

  constructor(
    readonly info: GameInfo,
    readonly questions: readonly Question[],
  ) {
    if (questions.length === 0) throw new Error('a quiz game needs at least one question');
  }

  get id(): string {
    return this.info.id;
  }

  /** 0-based index of the current question. */
  get round(): number {
    return this.roundIndex;
  }

  get phase(): Phase {
    return this.phaseNow;
  }

  get question(): Question {
    return this.questions[this.roundIndex]!;
  }

  get durationMs(): number {
    return this.info.settings.seconds * 1000;
  }

  /** When the open round stops taking answers (ms since the epoch). */
  get deadline(): number {
    return this.openedAt + this.durationMs;
  }

  get hasNext(): boolean {
    return this.roundIndex + 1 < this.questions.length;
  }

  open(now: number): void {
    if (this.phaseNow !== 'waiting') throw new Error(`cannot open a round in phase ${this.phaseNow}`);
    this.phaseNow = 'open';
    this.openedAt = now;
  }

  /** Takes the first answer of each player to the open round and scores it at once. */
  answer(player: PlayerRef, round: number, option: number, now: number): AnswerOutcome {
    if (this.phaseNow === 'over') return { kind: 'game-over' };
    if (!Number.isInteger(round) || round < 0 || round >= this.questions.length) return { kind: 'invalid' };
    if (!Number.isInteger(option) || option < 0 || option >= this.questions[round]!.options.length) {
      return { kind: 'invalid' };
    }
    if (round !== this.roundIndex || this.phaseNow !== 'open') {
      return round > this.roundIndex ? { kind: 'invalid' } : { kind: 'round-over' };
    }
    if (this.answers.has(player.id)) return { kind: 'duplicate' };

    const existing = this.scores.get(player.id);
    const score: PlayerScore = existing ?? { ...player, points: 0, correct: 0, answered: 0, streak: 0, bestStreak: 0 };
    const before = existing ? { ...existing } : null;
    const correct = option === this.question.answer;
    const streak = correct ? score.streak + 1 : 0;
    const points = answerPoints(correct, now - this.openedAt, this.durationMs, streak);
    score.name = player.name;
    score.points += points;
    score.answered += 1;
    score.correct += correct ? 1 : 0;
    score.streak = streak;
    score.bestStreak = Math.max(score.bestStreak, streak);
    this.scores.set(player.id, score);
    this.answers.set(player.id, { option, correct, points, before });
    return { kind: 'accepted', correct, points, streak };
  }

  /** Undoes an accepted answer of the open round (it could not be saved), so the player may answer again. */
  retract(playerId: string, round: number): void {
    const answer = this.answers.get(playerId);
    if (!answer || round !== this.roundIndex) return;
    this.answers.delete(playerId);
    if (answer.before) this.scores.set(playerId, answer.before);
    else this.scores.delete(playerId);
  }

  /** Stops taking answers to the open round; answers already taken may still be retracted. */
  lock(): void {
    if (this.phaseNow === 'open') this.phaseNow = 'closing';
  }

  /** Ends the round: everyone without a right answer this round loses their streak. */
  close(): RoundSummary {
    if (this.phaseNow === 'open' || this.phaseNow === 'closing') {
      this.phaseNow = 'closed';
      for (const score of this.scores.values()) {
        if (!this.answers.get(score.id)?.correct) score.streak = 0;
      }
    }
    let right = 0;
    for (const answer of this.answers.values()) if (answer.correct) right += 1;
    return { question: this.question, round: this.roundIndex, answered: this.answers.size, right };
  }

  /** Moves to the next question, not yet open. False, and the game is over, after the last one. */
  advance(): boolean {
    this.close();
    if (!this.hasNext) {
      this.phaseNow = 'over';
      return false;
    }
    this.roundIndex += 1;
    this.phaseNow = 'waiting';
    this.answers = new Map();
    return true;
  }

  end(): void {
    this.close();
    this.phaseNow = 'over';
  }

  /** Rounds asked so far, counting the current one once it has been posted. */
  get roundsPlayed(): number {
    return this.phaseNow === 'waiting' ? this.roundIndex : this.roundIndex + 1;
  }

  /** Best first: points, then right answers, then who answered fewer questions to get there. */
  standings(): PlayerScore[] {
    return [...this.scores.values()]
      .map((s) => ({ ...s }))
      .sort(
        (a, b) => b.points - a.points || b.correct - a.correct || a.answered - b.answered || a.id.localeCompare(b.id),
      );
  }

  /** The player with the longest run of right answers (ties: the higher-placed one), if anyone had one. */
  bestStreak(): PlayerScore | undefined {
    const best = this.standings().reduce<PlayerScore | undefined>(
      (top, s) => (s.bestStreak > (top?.bestStreak ?? 0) ? s : top),
      undefined,
    );
    return best;
  }
}
