// The quiz's plain data: settings a game is started with, and the questions it asks.
// Questions carry their text in both languages, so a game can be shown in either without the dataset.
import type { Source } from '../../data/types.js';
import type { Locale } from '../../i18n/index.js';

export type Difficulty = 'easy' | 'normal' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'normal', 'hard'];

/** A theme a game can be limited to; 'any' mixes them. */
export type QuizTopic = 'any' | 'places' | 'dates' | 'exchanges' | 'names';
export const QUIZ_TOPICS: readonly QuizTopic[] = ['any', 'places', 'dates', 'exchanges', 'names'];

export type QuestionKind =
  | 'country-of-city'
  | 'city-in-country'
  | 'city-in-continent'
  | 'country-count'
  | 'year-established'
  | 'earliest'
  | 'latest'
  | 'first-in-continent'
  | 'ended-tie'
  | 'landmark'
  | 'cooperation'
  | 'city-from-chinese'
  | 'chinese-of-city';

export type LocalText = Record<Locale, string>;

export interface Question {
  kind: QuestionKind;
  /** What the question is about, e.g. "country-of-city:duisburg"; unique within a game. */
  key: string;
  prompt: LocalText;
  /** Four options, shuffled. */
  options: LocalText[];
  /** What each option stands for (a city id, a country code, a year, a count), for checks and logs. */
  optionValues: string[];
  /** Index of the one correct option. */
  answer: number;
  /** One line shown when the answer is revealed, and the sources that state it (every one cited). */
  fact: LocalText;
  sources: Source[];
}

export interface QuizSettings {
  /** How many questions to ask (3–20); fewer when the dataset cannot supply that many. */
  rounds: number;
  /** Seconds each question stays open (10–60). */
  seconds: number;
  difficulty: Difficulty;
  topic: QuizTopic;
}

export const SETTINGS_LIMITS = {
  rounds: { min: 3, max: 20, default: 10 },
  seconds: { min: 10, max: 60, default: 20 },
} as const;
