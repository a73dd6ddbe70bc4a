// What the dataset offers the quiz, worked out once per dataset, and the constants every kind shares.
import { foldName } from '../../data/load.js';
import type { City, Country, Dataset, FuzzyDate, Source, SourceId } from '../../data/types.js';
import { hasEnded } from '../facts/partners.js';
import type { Difficulty, QuestionKind } from './types.js';

export const OPTION_COUNT = 4;

export const DISTRACTORS = OPTION_COUNT - 1;

/** Year options never go before this: Wuhan's first tie is from 1979. */
export const EARLIEST_OPTION_YEAR = 1975;

/** How far (in years) wrong year options may lie from the right one. */
export const YEAR_SPREAD: Record<Difficulty, number> = { easy: 12, normal: 6, hard: 3 };

/** Cities established within this many years of each other count as "nearby decade" distractors. */
export const NEAR_YEARS = 10;

/** A reveal fact longer than this is passed over when a shorter one exists. */
export const FACT_MAX = 200;

export interface DatedCity {
  city: City;
  year: number;
  /** First and last day the (month- or year-precise) date can mean, as "YYYY-MM-DD". */
  start: string;
  end: string;
}

export interface QuizPool {
  data: Dataset;
  /** Friendship-tier cities whose tie is active, sorted by id. */
  active: City[];
  /** Friendship-tier cities whose tie ended or is being phased out. */
  notActive: City[];
  /** Active cities with a stated, undisputed establishment date. */
  dated: DatedCity[];
  /** Countries of active cities, one each, sorted by code. */
  countries: Country[];
  /** The first source of the latest count of friendship cities: the page that lists them. */
  listSource: Source | null;
  /** No year option goes past the year the data was last checked. */
  maxYear: number;
  /** Every name and alias of each city, folded, for spotting a name inside a phrase. */
  foldedNames: Map<City, string[]>;
  /** Each kind's subjects, worked out on first use. */
  subjects: Map<QuestionKind, string[]>;
}

export const pools = new WeakMap<Dataset, QuizPool>();

export function quizPool(data: Dataset): QuizPool {
  let pool = pools.get(data);
  if (!pool) {
    pool = buildPool(data);
    pools.set(data, pool);
  }
  return pool;
}

export function buildPool(data: Dataset): QuizPool {
  const friendship = data.cities.filter((c) => c.tier === 'friendship').sort((a, b) => a.id.localeCompare(b.id));
  const active = friendship.filter((c) => !hasEnded(c.status));
  const countries = new Map<string, Country>();
  for (const city of active) countries.set(city.country.code, city.country);
  const listTotal = [...data.totals]
    .filter((total) => total.friendship !== null)
    .sort((a, b) => b.asOf.date.localeCompare(a.asOf.date))[0];
  return {
    data,
    active,
    notActive: friendship.filter((c) => hasEnded(c.status)),
    dated: active.map(datedCity).filter((d): d is DatedCity => d !== null),
    countries: [...countries.values()].sort((a, b) => a.code.localeCompare(b.code)),
    listSource: listTotal?.sources[0] ? (data.sources.get(listTotal.sources[0]) ?? null) : null,
    maxYear: Number(data.asOf.slice(0, 4)),
    foldedNames: new Map(friendship.map((c) => [c, foldedNames(c)])),
    subjects: new Map(),
  };
}

export function foldedNames(city: City): string[] {
  const names = [
    city.names.en,
    city.names.native,
    city.names.nativeLatin,
    city.names.zh,
    ...city.aliases.map((a) => a.text),
  ];
  return names.map((name) => (name ? foldName(name) : '')).filter((key) => key.length >= 2);
}

/** A city's date when the sources state it and agree on it; null otherwise. */
export function datedCity(city: City): DatedCity | null {
  const established = city.established;
  if (!established || established.inferred || established.doubt || city.conflictingDates.length > 0) return null;
  return { city, year: Number(established.date.slice(0, 4)), ...dateRange(established) };
}

export function dateRange(date: FuzzyDate): { start: string; end: string } {
  if (date.precision === 'day') return { start: date.date, end: date.date };
  if (date.precision === 'month') return { start: `${date.date}-01`, end: `${date.date}-31` };
  return { start: `${date.date}-01-01`, end: `${date.date}-12-31` };
}

/** Every source behind one fact, in the dataset's order; null when none is known, so it is not told. */
export function sourcesOf(data: Dataset, ids: readonly SourceId[]): Source[] | null {
  const sources = ids.map((id) => data.sources.get(id)).filter((s): s is Source => s !== undefined);
  return sources.length ? sources : null;
}
