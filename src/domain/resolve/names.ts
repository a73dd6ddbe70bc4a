// The resolver's building blocks: tuning constants, the prepared names of every city, small helpers.
import type { City, Country } from '../../data/types.js';
import { compact, fold, isSyllabic, isUnspaced, stripCityWords } from '../text.js';
import type { IFuseOptions } from 'fuse.js';

/** Autocomplete never offers more than Discord shows. */
export const MAX_SUGGESTIONS = 25;

export const MAX_AMBIGUOUS = 5;

export const MAX_NONE_SUGGESTIONS = 3;

/** Fuse patterns longer than this are not fuzzy-searched (bitap works on 32-bit masks). */
export const MAX_FUZZY_PATTERN = 32;

/** A fuzzy hit must score at most this in fuse (0 = perfect) on top of passing the typo budget. */
export const STRICT_FUSE_SCORE = 0.3;

/** Another city within this much of the best fuse score, and nearly within budget, makes it ambiguous. */
export const FUSE_MARGIN = 0.1;

/** Weak fuse hits worth offering as "did you mean". */
export const SUGGEST_FUSE_SCORE = 0.4;

/**
 * fuse.js 7 options. No `ignoreDiacritics`: names and input are folded by ./text.ts first (which also
 * handles ø, ł, ı that NFD leaves alone), so it would only repeat that work on every search.
 * `ignoreFieldNorm`: a multi-word name ("krung thep") must not score worse for having more words.
 */
export const FUSE_OPTIONS: IFuseOptions<FuzzyRecord> = {
  keys: ['key'],
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  minMatchCharLength: 2,
  threshold: 0.4,
  shouldSort: true,
};

/** findInText reads this much of a question; /ask questions are longer than names. */
export const MAX_TEXT_CHARS = 500;

/** Words that may surround a city's name without changing which city is meant. */
export const FILLER_WORDS = new Set([
  'the',
  'city',
  'of',
  'in',
  'at',
  'town',
  'municipality',
  'metropolitan',
  'greater',
  'prefecture',
  'province',
  'county',
  'district',
  'region',
  'state',
  'department',
  'departement',
  'sister',
  'twin',
  'partner',
  'friendship',
  '市',
  '县',
  '縣',
  '県',
  '省',
  '府',
  '都',
  '的',
  '시',
]);
/**
 * Real places within the typo budget of a partner's name, never to be taken for it: they get "did
 * you mean" at most. The budget itself keeps out Kiel, Izmit, Essen, Saratoga, Sidney, Plattsburgh
 * and Winchester; not these. Chungju is Cheongju's neighbour in the same province.
 */

export const NOT_PARTNERS = new Set(['chungju', 'galatia']);

/** Characters that may stand right before or after a two-character Chinese name in a sentence (和, 与, 的, 市...). */
// 还是万锦 (or Markham), 请问大分: words that end before a name.
export const HAN_BEFORE_NAME = new Set([...'和与跟同及或在是对到去从向往的、问说比灾水年后前时']);

// 万锦先, 曼谷谁更晚, 大分比: words that start after a name (先 first, 谁 who, 早/晚 earlier/later...).
export const HAN_AFTER_NAME = new Set([
  ...'市县縣県省府和与跟同及或的是有在什哪怎为结建之间友、呢吗么先谁早晚还签成也都离距比啥几多捐给送派来去向对把被访得何这周',
]);

export interface NameKey {
  city: number;
  /** As the data writes it: shown as `matched`. */
  text: string;
  /** Folded, city words stripped: "st polten". */
  spaced: string;
  /** `spaced` without spaces: "stpolten". */
  key: string;
  /** Pinyin and machine-translation garbles: last among autocomplete prefixes, never matched as contained text. */
  secondary: boolean;
  /** Pinyin may be typed with spaces between syllables. */
  pinyin: boolean;
  /** The English name, which autocomplete ranks first among prefixes. */
  display: boolean;
  /** One of the city's own names (English, native, its transcription, Chinese), not an alias. */
  main: boolean;
  /** Everything but garbles takes part in fuzzy matching: a typo of a typo is too far. */
  fuzzy: boolean;
  /** Written in a script without spaces (CJK, Hangul, Thai): found by substring in sentences. */
  unspaced: boolean;
}

export interface FuzzyRecord {
  name: NameKey;
  key: string;
}

/** A city found in folded text, positions in the folded string. */

export interface FoundMention {
  city: number;
  start: number;
  end: number;
  via: 'exact' | 'fuzzy';
  name: NameKey;
}

export interface CityCandidate {
  city: number;
  name: NameKey;
  score: number;
  distance: number;
}

export interface CountryKey {
  code: string;
  key: string;
  spaced: string;
}

export function buildNames(cities: readonly City[]): NameKey[] {
  const names: NameKey[] = [];
  const seen = new Map<string, NameKey>();
  cities.forEach((city, index) => {
    const main = { secondary: false, pinyin: false, fuzzy: true, main: true };
    const sources: {
      text: string;
      secondary: boolean;
      pinyin: boolean;
      fuzzy: boolean;
      main?: boolean;
      display?: boolean;
    }[] = [
      { text: city.names.en, ...main, display: true },
      { text: city.names.native, ...main },
      ...(city.names.nativeLatin ? [{ text: city.names.nativeLatin, ...main }] : []),
      ...(city.names.zh ? [{ text: city.names.zh, ...main }] : []),
      ...city.aliases.map((alias) => ({
        text: alias.text,
        secondary: alias.kind === 'pinyin' || alias.kind === 'garbled',
        pinyin: alias.kind === 'pinyin',
        fuzzy: alias.kind !== 'garbled',
      })),
      { text: city.id, secondary: false, pinyin: false, fuzzy: false },
    ];
    // Arabic names are also looked up without the article: الخرطوم, خرطوم.
    for (const source of [...sources]) {
      const bare = /^ال\p{sc=Arabic}{2,}/u.test(source.text) ? source.text.slice(2) : null;
      if (bare) sources.push({ ...source, text: bare, display: false, main: false });
    }
    for (const source of sources) {
      const spaced = stripCityWords(fold(source.text));
      const key = compact(spaced);
      if (!key || WUHAN_NAMES.has(key)) continue;
      const existing = seen.get(`${index}\u0000${key}`);
      if (existing) {
        // The same key as a main name and as pinyin or garble: the main name's rights win.
        existing.secondary &&= source.secondary;
        existing.fuzzy ||= source.fuzzy;
        existing.pinyin ||= source.pinyin;
        existing.main ||= source.main ?? false;
        continue;
      }
      const name: NameKey = {
        city: index,
        text: source.text,
        spaced,
        key,
        secondary: source.secondary,
        pinyin: source.pinyin,
        display: source.display ?? false,
        main: source.main ?? false,
        fuzzy: source.fuzzy,
        unspaced: isUnspaced(key),
      };
      seen.set(`${index}\u0000${key}`, name);
      names.push(name);
    }
  });
  return names;
}

export function uniqueCountries(cities: readonly City[]): Country[] {
  const byCode = new Map<string, Country>();
  for (const city of cities) if (!byCode.has(city.country.code)) byCode.set(city.country.code, city.country);
  return [...byCode.values()];
}

/** Names of the dataset's countries (English, Chinese, common forms), for prefix and typo matching. */

export function buildCountryKeys(
  forms: readonly (readonly [string, string])[],
  codes: ReadonlySet<string>,
): CountryKey[] {
  const keys: CountryKey[] = [];
  const seen = new Set<string>();
  for (const [name, code] of forms) {
    if (!codes.has(code)) continue;
    const spaced = fold(name);
    const key = compact(spaced);
    if (key.length < 2 || seen.has(key)) continue;
    seen.add(key);
    keys.push({ code, key, spaced });
  }
  return keys;
}

export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function unique<T>(item: T, index: number, all: readonly T[]): boolean {
  return all.indexOf(item) === index;
}

export function wordCount(folded: string): number {
  return folded ? folded.split(' ').length : 0;
}

export function firstChar(text: string): string {
  return String.fromCodePoint(text.codePointAt(0) ?? 0);
}

/** Every run of 1 to `longest` words in a row, one space apart, as its word count and span. */

export type CodePoints = string | readonly string[];

export const SURROGATE = /[\uD800-\uDFFF]/;

export function codePoints(text: string): CodePoints {
  return SURROGATE.test(text) ? [...text] : text;
}

export function codePointLength(text: string): number {
  return codePoints(text).length;
}

/**
 * How many edits a typo may cost, by the longer of the two names. Short names get none: one slip
 * turns Kiel into Kiev. Five or six letters allow one dropped, added or swapped letter but no
 * replaced one (Izmit is a real city, not a typo of İzmir). Two edits only from twelve letters
 * (Plattsburgh is two edits from Pittsburgh). CJK characters each carry a syllable, so four of them
 * allow one slip. The first letter is never a typo: Winchester is not Manchester.
 */

export function typoBudget(typed: string, name: string): number {
  const a = codePoints(typed);
  const b = codePoints(name);
  if (a[0] !== b[0]) return 0;
  const length = Math.max(a.length, b.length);
  if (isSyllabic(name)) return length >= 4 ? 1 : 0;
  if (length <= 4) return 0;
  if (length <= 11) return 1;
  return 2;
}

// Rows of the distance table, reused: autocomplete runs this for every keystroke.
let rowBuffers: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment distance (an adjacent swap is one edit). A replaced letter costs two in
 * names of five or six letters, so only drops, adds and swaps fit their budget of one. `limit` lets
 * it stop as soon as the distance is certainly larger.
 */

export function typoDistance(typed: string, name: string, limit: number = Infinity): number {
  if (typed === name) return 0;
  const a = codePoints(typed);
  const b = codePoints(name);
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const substitution = !isSyllabic(name) && Math.max(a.length, b.length) <= 6 ? 2 : 1;
  if (rowBuffers[0].length <= b.length) {
    const size = b.length + 1;
    rowBuffers = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
  }
  let [beforePrevious, previous, current] = rowBuffers;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1];
      let cost = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (same ? 0 : substitution));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        cost = Math.min(cost, beforePrevious[j - 2]! + 1);
      }
      current[j] = cost;
      if (cost < rowMin) rowMin = cost;
    }
    if (rowMin > limit) return limit + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length]!;
}

/** Words that name Wuhan itself: never a mention of a partner. */
export const WUHAN_NAMES = new Set(['wuhan', '武汉', '武漢', '우한', 'ухань', 'вухань', 'ウーハン', 'ブカン']);
