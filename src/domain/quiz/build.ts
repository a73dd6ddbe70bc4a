// Helpers for building a question: options, distractors, facts with their sources, and the shape of a kind.
import { foldName } from '../../data/load.js';
import type { City, Continent, Note, Source } from '../../data/types.js';
import { hasEnded } from '../facts/partners.js';
import { LOCALES, type Locale, type Params, formatDate } from '../../i18n/index.js';
import { cityName, countryName } from '../../i18n/names.js';
import type { Random } from '../random.js';
import {
  DISTRACTORS,
  type DatedCity,
  FACT_MAX,
  NEAR_YEARS,
  type QuizPool,
  datedCity,
  foldedNames,
  sourcesOf,
} from './pool.js';
import { t } from './questions.messages.js';
import type { Difficulty, LocalText, Question, QuestionKind, QuizTopic } from './types.js';

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function pickOne<T>(items: readonly T[], random: Random): T | undefined {
  return items[Math.floor(random() * items.length)];
}

/**
 * Three wrong options from `candidates`. Harder games take more of the `near` ones (same continent,
 * nearby decade), easy games take any.
 */
export function distractors<T>(candidates: readonly T[], near: (c: T) => boolean, ctx: BuildContext): T[] | null {
  if (candidates.length < DISTRACTORS) return null;
  const shuffled = shuffle(candidates, ctx.random);
  if (ctx.difficulty === 'easy') return shuffled.slice(0, DISTRACTORS);
  const close = shuffled.filter(near);
  const far = shuffled.filter((c) => !near(c));
  const wantClose = ctx.difficulty === 'hard' ? DISTRACTORS : Math.ceil(DISTRACTORS / 2);
  const chosen = close.slice(0, wantClose);
  return [...chosen, ...[...far, ...close.slice(wantClose)].slice(0, DISTRACTORS - chosen.length)];
}

export function both(render: (locale: Locale) => string): LocalText {
  return Object.fromEntries(LOCALES.map((locale) => [locale, render(locale)])) as LocalText;
}

export function text(key: Parameters<typeof t>[1], params: (locale: Locale) => Params): LocalText {
  return both((locale) => t(locale, key, params(locale)));
}

export function cityText(city: City): LocalText {
  return both((locale) => cityName(city, locale));
}

export interface Option {
  value: string;
  label: LocalText;
}

export interface Fact {
  text: LocalText;
  sources: Source[];
}

export function cityOption(city: City): Option {
  return { value: city.id, label: cityText(city) };
}

/** Shuffles the right option among the wrong ones; null if any two options could be confused. */
export function assemble(
  ctx: BuildContext,
  kind: QuestionKind,
  subject: string,
  prompt: LocalText,
  right: Option,
  wrong: Option[] | null,
  fact: Fact | null,
): Question | null {
  if (!wrong || wrong.length !== DISTRACTORS || !fact) return null;
  const all = [right, ...wrong];
  const distinct = (key: (o: Option) => string) => new Set(all.map(key)).size === all.length;
  if (!distinct((o) => o.value) || !LOCALES.every((locale) => distinct((o) => o.label[locale]))) return null;
  const options = shuffle(all, ctx.random);
  return {
    kind,
    key: `${kind}:${subject}`,
    prompt,
    options: options.map((o) => o.label),
    optionValues: options.map((o) => o.value),
    answer: options.indexOf(right),
    fact: fact.text,
    sources: fact.sources,
  };
}

/** The date to the precision `established` states, cited to exactly `established.sources`. */
export function establishedFact(ctx: BuildContext, dated: DatedCity): Fact | null {
  const established = dated.city.established!;
  const sources = sourcesOf(ctx.pool.data, established.sources);
  if (!sources) return null;
  const key = established.precision === 'day' ? 'factEstablishedDay' : 'factEstablished';
  return {
    text: text(key, (locale) => ({ city: cityName(dated.city, locale), date: formatDate(established, locale) })),
    sources,
  };
}

/**
 * One line about a city for the reveal: a sourced highlight that names the city (it reads on its own),
 * else its date, else another highlight, else the first sentence of its summary.
 */
export function cityFact(ctx: BuildContext, city: City): Fact | null {
  const highlights = city.highlights
    .filter((note) => note.text.length <= FACT_MAX)
    .map((note) => ({ note, sources: sourcesOf(ctx.pool.data, note.sources) }))
    .filter((h): h is { note: Note; sources: Source[] } => h.sources !== null);
  const asFact = (h: { note: Note; sources: Source[] }): Fact => ({
    text: { en: h.note.text, 'zh-CN': h.note.textZh },
    sources: h.sources,
  });
  const named = pickOne(
    highlights.filter((h) => mentions(ctx.pool, h.note.text, city)),
    ctx.random,
  );
  if (named) return naming(ctx.pool, city, asFact(named));
  const dated = datedCity(city);
  const fromDate = dated && establishedFact(ctx, dated);
  if (fromDate) return fromDate;
  const other = pickOne(highlights, ctx.random);
  if (other) return naming(ctx.pool, city, asFact(other));
  const sources = sourcesOf(ctx.pool.data, city.summary.sources);
  if (!sources) return null;
  return naming(ctx.pool, city, {
    text: { en: firstSentence(city.summary.text), 'zh-CN': firstSentence(city.summary.textZh) },
    sources,
  });
}

/**
 * The fact as a line that names its city in each language: "Tijuana: Urban projects are part of the
 * commitments." when the sentence itself does not (a highlight may name it in English only).
 */
export function naming(pool: QuizPool, city: City, fact: Fact | null): Fact | null {
  if (!fact) return null;
  return {
    text: both((locale) => {
      const line = fact.text[locale];
      return mentions(pool, line, city) ? line : t(locale, 'factAbout', { city: cityName(city, locale), fact: line });
    }),
    sources: fact.sources,
  };
}

export const sameContinent = (a: City) => (b: City) => a.country.continent === b.country.continent;

export interface BuildContext {
  pool: QuizPool;
  random: Random;
  difficulty: Difficulty;
}

/** One kind of question: which subjects it can ask about, and how it builds the question for one. */
export interface KindSpec<K extends QuestionKind = QuestionKind> {
  kind: K;
  topic: Exclude<QuizTopic, 'any'>;
  /** 1 = easy, 2 = normal, 3 = hard. */
  level: 1 | 2 | 3;
  subjects(pool: QuizPool): string[];
  build(subject: string, ctx: BuildContext): Question | null;
}

export function activeCity(pool: QuizPool, id: string): City | undefined {
  return pool.active.find((c) => c.id === id);
}

export function datedById(pool: QuizPool, id: string): DatedCity | undefined {
  return pool.dated.find((d) => d.city.id === id);
}

export function nearYears(a: DatedCity) {
  return (b: DatedCity) => Math.abs(a.year - b.year) <= NEAR_YEARS;
}

/**
 * A city that is, or may be, one of Wuhan's sister cities: every friendship-tier city, ended ones too,
 * and friendly-exchange cities whose level no source settles (St. Louis calls itself a sister city).
 */
export const maybeSisterCity = (city: City) => city.tier === 'friendship' || city.tierNote !== undefined;

/**
 * Continents whose first sister city is certain: every city there that is or may be a sister city has
 * an undisputed date (an undated one could have come first), and one active friendship city clearly
 * came before all the others.
 */
export function firstByContinent(pool: QuizPool): Map<Continent, DatedCity> {
  const byContinent = new Map<Continent, City[]>();
  for (const city of pool.data.cities.filter(maybeSisterCity)) {
    const list = byContinent.get(city.country.continent) ?? [];
    list.push(city);
    byContinent.set(city.country.continent, list);
  }
  const firsts = new Map<Continent, DatedCity>();
  for (const [continent, cities] of byContinent) {
    const dated = cities.map(datedCity);
    if (cities.length < 2 || dated.some((d) => d === null)) continue;
    const sorted = (dated as DatedCity[]).sort((a, b) => a.start.localeCompare(b.start));
    const [first, second] = sorted as [DatedCity, DatedCity];
    if (first.end < second.start && first.city.tier === 'friendship' && !hasEnded(first.city.status)) {
      firsts.set(continent, first);
    }
  }
  return firsts;
}

export function chineseFact(ctx: BuildContext, city: City): Fact | null {
  const sources = sourcesOf(ctx.pool.data, city.names.zhSources ?? []);
  return (
    sources && {
      text: text('factChinese', (locale) => ({
        city: city.names.en,
        country: countryName(city.country, locale),
        zh: city.names.zh!,
      })),
      sources,
    }
  );
}

export const withChineseName = (pool: QuizPool) => pool.active.filter((c) => c.names.zh !== null);

/** The first sentence of a paragraph, in either language. */
export function firstSentence(paragraph: string): string {
  const match = /^.+?(?:[.!?](?=\s|$)|[。！？])/su.exec(paragraph.trim());
  return (match ? match[0] : paragraph).trim();
}

/** True when `phrase` names the city (its names or aliases), so it would give the answer away. */
export function mentions(pool: QuizPool, phrase: string, city: City): boolean {
  if (!phrase) return false;
  const folded = foldName(phrase);
  return (pool.foldedNames.get(city) ?? foldedNames(city)).some((key) => folded.includes(key));
}
