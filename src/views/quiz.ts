// The quiz's messages as Reply models: the question with its buttons, the reveal, the standings, the
// end of a game, help, stats and leaderboards. The Discord renderer and the console draw them.
import type { QuizGame, RoundSummary } from '../domain/quiz/game.js';
import { nextReset, type Period } from '../domain/quiz/periods.js';
import { SCORING } from '../domain/quiz/scoring.js';
import type { Difficulty, Question, QuizSettings, QuizTopic } from '../domain/quiz/types.js';
import { formatDate, formatNumber, type Locale } from '../i18n/index.js';
import type { Leaderboard, PlayerStats, RankedRow, ScoreRow } from '../storage/types.js';
import { COLORS, sanitizeUserText, sourceLines } from './format.js';
import { t } from './quiz.messages.js';
import type { ButtonAction, Card, Reply } from '../reply/reply.js';

export const LETTERS = ['A', 'B', 'C', 'D'] as const;
const REVEAL_STANDINGS = 5;
const FINAL_STANDINGS = 10;
const NAME_MAX = 32;

/** "quiz:a:<game>:<question>:<button>": the button's position only, never whether it is right. */
function answerCustomId(gameId: string, round: number, option: number): string {
  return `quiz:a:${gameId}:${round}:${option}`;
}

/** Reads the part after "quiz:"; null for anything that is not one of our answer buttons. */
export function parseAnswerId(id: string): { gameId: string; round: number; option: number } | null {
  const match = /^a:([a-z0-9]{4,16}):(\d{1,3}):(\d)$/.exec(id);
  if (!match) return null;
  return { gameId: match[1]!, round: Number(match[2]), option: Number(match[3]) };
}

export function playerName(name: string): string {
  return sanitizeUserText(name, NAME_MAX) || '?';
}

const DIFFICULTY_KEYS = { easy: 'difficultyEasy', normal: 'difficultyNormal', hard: 'difficultyHard' } as const;
const TOPIC_KEYS = {
  any: 'topicAny',
  places: 'topicPlaces',
  dates: 'topicDates',
  exchanges: 'topicExchanges',
  names: 'topicNames',
} as const satisfies Record<QuizTopic, string>;

export function difficultyLabel(difficulty: Difficulty, locale: Locale): string {
  return t(locale, DIFFICULTY_KEYS[difficulty]);
}

export function quizTopicLabel(topic: QuizTopic, locale: Locale): string {
  return t(locale, TOPIC_KEYS[topic]);
}

function settingsText(settings: QuizSettings, locale: Locale): string {
  const parts = [difficultyLabel(settings.difficulty, locale), quizTopicLabel(settings.topic, locale)];
  return parts.join(locale === 'zh-CN' ? '，' : ', ');
}

function optionLines(question: Question, locale: Locale, revealed: boolean): string {
  return question.options
    .map((option, i) => {
      const line = `**${LETTERS[i]}** · ${option[locale]}`;
      return revealed && i === question.answer ? `✅ ${line}` : line;
    })
    .join('\n');
}

function announcement(game: QuizGame): string {
  const { locale, settings, starter } = game.info;
  return t(locale, 'announce', {
    name: playerName(starter.name),
    rounds: game.questions.length,
    seconds: settings.seconds,
    settings: settingsText(settings, locale),
  });
}

function answerButtons(game: QuizGame, revealed: boolean): ButtonAction[] {
  const question = game.question;
  return question.options.map((_, i) => ({
    type: 'button',
    customId: answerCustomId(game.id, game.round, i),
    label: LETTERS[i]!,
    style: revealed ? (i === question.answer ? 'success' : 'secondary') : 'primary',
    ...(revealed ? { disabled: true } : {}),
  }));
}

/** The question message: the prompt, options A–D and one button each. The first also announces the game. */
export function questionReply(game: QuizGame): Reply {
  const { locale, settings } = game.info;
  const question = game.question;
  const card: Card = {
    title: t(locale, 'questionTitle', { n: game.round + 1, total: game.questions.length }),
    description: `${question.prompt[locale]}\n\n${optionLines(question, locale, false)}`,
    footer: t(locale, 'questionFooter', { seconds: settings.seconds }),
    color: COLORS.friendship,
  };
  return {
    ...(game.round === 0 ? { content: announcement(game) } : {}),
    cards: [card],
    actions: [answerButtons(game, false)],
  };
}

interface Standing {
  name: string;
  points: number;
  correct: number;
  streak?: number;
}

function standingLines(standings: Standing[], limit: number, locale: Locale): string[] {
  return standings.slice(0, limit).map((s, i) => {
    const line = t(locale, 'standingLine', {
      place: i + 1,
      name: playerName(s.name),
      points: formatNumber(s.points, locale),
      correct: s.correct,
    });
    return s.streak && s.streak >= 2 ? line + t(locale, 'streakMark', { streak: s.streak }) : line;
  });
}

/**
 * The question message once time is up: buttons off, the answer marked, a fact, its source, the
 * standings. It promises a next question only while the game goes on: not after the last one, nor
 * once the game has been stopped.
 */
export function revealReply(game: QuizGame, summary: RoundSummary): Reply {
  const { locale } = game.info;
  const question = summary.question;
  const standings = game.standings().filter((s) => s.answered > 0);
  const card: Card = {
    title: t(locale, 'revealTitle', {
      n: summary.round + 1,
      total: game.questions.length,
      letter: LETTERS[question.answer]!,
    }),
    description: `${question.prompt[locale]}\n\n${optionLines(question, locale, true)}\n\n💡 ${question.fact[locale]}`,
    fields: [
      {
        name: t(locale, question.sources.length > 1 ? 'sources' : 'source'),
        value: sourceLines(question.sources, locale).join('\n'),
      },
      {
        name: t(locale, 'roundResult'),
        value:
          summary.answered === 0
            ? t(locale, 'nobodyAnswered')
            : t(locale, 'roundCount', { right: summary.right, answered: summary.answered }),
        inline: true,
      },
      ...(standings.length > 0
        ? [{ name: t(locale, 'standings'), value: standingLines(standings, REVEAL_STANDINGS, locale).join('\n') }]
        : []),
    ],
    color: COLORS.neutral,
    ...(game.hasNext && game.phase !== 'over' ? { footer: t(locale, 'moreAfterReveal') } : {}),
  };
  return {
    ...(summary.round === 0 ? { content: announcement(game) } : {}),
    cards: [card],
    actions: [answerButtons(game, true)],
  };
}

export type GameEnding = { kind: 'finished' } | { kind: 'stopped'; by: string };

/** Final standings and the best streak. */
export function finalReply(game: QuizGame, ending: GameEnding): Reply {
  const { locale } = game.info;
  const standings = game.standings().filter((s) => s.answered > 0);
  const total = game.questions.length;
  const headline =
    ending.kind === 'finished'
      ? t(locale, 'finished', { total })
      : t(locale, 'stoppedBy', { name: playerName(ending.by), played: game.roundsPlayed, total });
  const lines = standings.length > 0 ? standingLines(standings, FINAL_STANDINGS, locale) : [t(locale, 'noPlayers')];
  const best = game.bestStreak();
  // One right answer is no streak to speak of.
  const streak = best && best.bestStreak >= 2 ? best : undefined;
  const card: Card = {
    title: t(locale, ending.kind === 'finished' ? 'finalTitle' : 'stoppedTitle'),
    description: `${headline}\n\n${lines.join('\n')}`,
    ...(streak
      ? {
          fields: [
            {
              name: t(locale, 'bestStreak'),
              value: t(locale, 'bestStreakLine', { name: playerName(streak.name), streak: streak.bestStreak }),
            },
          ],
        }
      : {}),
    footer: t(locale, 'savedFooter'),
    color: COLORS.friendship,
  };
  return { cards: [card] };
}

/** Replaces the last question of a game the previous process left running. */
export function interruptedReply(locale: Locale, scores: ScoreRow[]): Reply {
  const lines = scores.length > 0 ? standingLines(scores, FINAL_STANDINGS, locale) : [t(locale, 'noPlayers')];
  return {
    cards: [
      {
        title: t(locale, 'interruptedTitle'),
        description: `${t(locale, 'interrupted')}\n\n${lines.join('\n')}`,
        footer: t(locale, 'savedFooter'),
        color: COLORS.notActive,
      },
    ],
  };
}

export function helpReply(locale: Locale): Reply {
  return {
    cards: [
      {
        title: t(locale, 'helpTitle'),
        description: [t(locale, 'helpStart'), t(locale, 'helpAnswer'), t(locale, 'helpStop')].join('\n'),
        fields: [
          {
            name: t(locale, 'helpScoringTitle'),
            value: t(locale, 'helpScoring', {
              base: SCORING.base,
              speed: SCORING.speedMax,
              step: SCORING.streakStep,
              max: SCORING.streakMax,
            }),
          },
          { name: t(locale, 'helpBoardsTitle'), value: t(locale, 'helpBoards') },
          { name: t(locale, 'helpOptOutTitle'), value: t(locale, 'helpOptOut') },
        ],
        color: COLORS.neutral,
      },
    ],
  };
}

/** A short message only the asker sees. */
export function notice(text: string): Reply {
  return { content: text, ephemeral: true };
}

export function statsReply(locale: Locale, name: string, stats: PlayerStats): Reply {
  const shown = playerName(name);
  if (stats.answers === 0) return { content: t(locale, 'statsNone', { name: shown }) };
  const accuracy = `${Math.round((stats.correct / stats.answers) * 100)}%`;
  const field = (key: Parameters<typeof t>[1], value: string | number) => ({
    name: t(locale, key),
    value: typeof value === 'number' ? formatNumber(value, locale) : value,
    inline: true,
  });
  return {
    cards: [
      {
        title: t(locale, 'statsTitle', { name: shown }),
        fields: [
          field('statsGames', stats.games),
          field('statsAnswers', stats.answers),
          field('statsCorrect', stats.correct),
          field('statsAccuracy', accuracy),
          field('statsBestStreak', stats.bestStreak),
          field('statsPoints', stats.points),
        ],
        color: COLORS.neutral,
      },
    ],
  };
}

const PERIOD_KEYS = { week: 'periodWeek', month: 'periodMonth', all: 'periodAll' } as const;

export function periodLabel(period: Period, locale: Locale): string {
  return t(locale, PERIOD_KEYS[period]);
}

function resetText(when: Date, locale: Locale): string {
  const date = formatDate({ date: when.toISOString().slice(0, 10), precision: 'day' }, locale);
  return t(locale, 'boardResetTime', { date });
}

export interface BoardView {
  period: Period;
  /** True for one server's board. */
  server: boolean;
  board: Leaderboard;
  now: Date;
  /** The asker has opted out. */
  optedOut: boolean;
  /** Asked for a server board outside a server. */
  noServer: boolean;
}

/**
 * A leaderboard. An asker who opted out gets it privately, saying why their points are missing: an
 * empty board then says no one else has points, since theirs may well exist.
 */
export function leaderboardReply(locale: Locale, view: BoardView): Reply {
  const { board } = view;
  const line = (row: RankedRow) =>
    t(locale, 'boardLine', {
      rank: row.rank,
      name: playerName(row.name),
      points: formatNumber(row.points, locale),
      correct: row.correct,
    });
  const empty = t(locale, view.optedOut ? 'boardEmptyOthers' : 'boardEmpty');
  const lines = board.rows.length > 0 ? board.rows.map(line) : [empty];
  const notes: string[] = [];
  if (view.noServer) notes.push(t(locale, 'boardNoServer'));
  if (view.optedOut) notes.push(t(locale, 'boardYouOptedOut'));
  else if (board.self && !board.rows.some((r) => r.userId === board.self!.userId)) {
    notes.push(t(locale, 'boardYou', { rank: board.self.rank, points: formatNumber(board.self.points, locale) }));
  }
  const reset = nextReset(view.period, view.now);
  const footer = [
    ...(board.players > 0
      ? [board.players === 1 ? t(locale, 'boardPlayersOne') : t(locale, 'boardPlayers', { count: board.players })]
      : []),
    ...(reset ? [t(locale, 'boardResets', { when: resetText(reset, locale) })] : []),
  ].join(' · ');
  return {
    cards: [
      {
        title: `🏆 ${t(locale, 'boardTitle', {
          period: periodLabel(view.period, locale),
          scope: t(locale, view.server ? 'scopeServer' : 'scopeGlobal'),
        })}`,
        description: [lines.join('\n'), ...(notes.length ? ['', ...notes] : [])].join('\n'),
        ...(footer ? { footer } : {}),
        color: COLORS.friendship,
      },
    ],
    ...(view.optedOut ? { ephemeral: true } : {}),
  };
}
