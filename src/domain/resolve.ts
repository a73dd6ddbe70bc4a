// Turns what people type ("Duisberg", "杜伊斯堡市", "Kiev", "du yi si bao") into one of Wuhan's partner
// cities, or says it cannot. Order: exact name or alias, unique prefix, then fuzzy (fuse.js) behind a
// strict typo budget. Showing the wrong city is the worst outcome, so every doubtful case becomes
// "ambiguous" (ask the user) or "none" with suggestions.
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { City, Country, Dataset } from '../data/types.js';
import { byEstablished } from '../data/order.js';
import type { CityMention, Resolution, Resolver } from './resolution.js';
import {
  CountryNames,
  compact,
  fold,
  foldWithOffsets,
  isSyllabic,
  isUnspaced,
  stripCityWords,
  WORD_PATTERN,
  worldCountryForms,
} from './text.js';

/** Autocomplete never offers more than Discord shows. */
const MAX_SUGGESTIONS = 25;
const MAX_AMBIGUOUS = 5;
const MAX_NONE_SUGGESTIONS = 3;
/** Fuse patterns longer than this are not fuzzy-searched (bitap works on 32-bit masks). */
const MAX_FUZZY_PATTERN = 32;
/** A fuzzy hit must score at most this in fuse (0 = perfect) on top of passing the typo budget. */
const STRICT_FUSE_SCORE = 0.3;
/** Another city within this much of the best fuse score, and nearly within budget, makes it ambiguous. */
const FUSE_MARGIN = 0.1;
/** Weak fuse hits worth offering as "did you mean". */
const SUGGEST_FUSE_SCORE = 0.4;
/**
 * fuse.js 7 options. No `ignoreDiacritics`: names and input are folded by ./text.ts first (which also
 * handles ø, ł, ı that NFD leaves alone), so it would only repeat that work on every search.
 * `ignoreFieldNorm`: a multi-word name ("krung thep") must not score worse for having more words.
 */
const FUSE_OPTIONS: IFuseOptions<FuzzyRecord> = {
  keys: ['key'],
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  minMatchCharLength: 2,
  threshold: 0.4,
  shouldSort: true,
};
/** findInText reads this much of a question; /ask questions are longer than names. */
const MAX_TEXT_CHARS = 500;
/** Words that may surround a city's name without changing which city is meant. */
const FILLER_WORDS = new Set([
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
const NOT_PARTNERS = new Set(['chungju', 'galatia']);
/** Characters that may stand right before or after a two-character Chinese name in a sentence (和, 与, 的, 市...). */
const HAN_BEFORE_NAME = new Set([...'和与跟同及或在是对到去从向往的、']);
const HAN_AFTER_NAME = new Set([...'市县縣県省府和与跟同及或的是有在什哪怎为结建之间友、呢吗么']);
/** Words that name Wuhan itself: never a mention of a partner. */
const WUHAN_NAMES = new Set(['wuhan', '武汉', '武漢', '우한', 'ухань', 'вухань', 'ウーハン', 'ブカン']);

/** One name of one city, prepared for lookup. */
interface NameKey {
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

interface FuzzyRecord {
  name: NameKey;
  key: string;
}

/** A city found in folded text, positions in the folded string. */
interface FoundMention {
  city: number;
  start: number;
  end: number;
  via: 'exact' | 'fuzzy';
  name: NameKey;
}

interface CityCandidate {
  city: number;
  name: NameKey;
  score: number;
  distance: number;
}

interface CountryKey {
  code: string;
  key: string;
  spaced: string;
}

export function createResolver(data: Dataset): Resolver {
  const cities = data.cities;
  const names = buildNames(cities);
  const byKey = groupBy(names, (name) => name.key);
  const bySpaced = groupBy(names, (name) => name.spaced);
  const fuzzyNames = names.filter((name) => name.fuzzy);
  const fuzzyByInitial = groupBy(
    fuzzyNames.filter((name) => !name.unspaced),
    (name) => firstChar(name.key),
  );
  const unspacedNames = names.filter((name) => name.unspaced && codePointLength(name.key) >= 2);
  // One fuse collection per initial: a typo must keep the first letter (see typoBudget), so nothing
  // is lost, and a search over a handful of records costs microseconds instead of ~250 µs over all.
  const fuseByInitial = new Map<string, Fuse<FuzzyRecord>>();
  for (const [initial, group] of groupBy(fuzzyNames, (name) => firstChar(name.key))) {
    fuseByInitial.set(
      initial,
      new Fuse(
        group.map((name) => ({ name, key: name.key })),
        FUSE_OPTIONS,
      ),
    );
  }
  const longestFuzzyKey = Math.max(0, ...fuzzyNames.map((name) => codePointLength(name.key)));

  // Countries: the dataset's own first, then every other country, so "Paraguay" is known not to be ours.
  const datasetCountries = uniqueCountries(cities);
  const datasetCodes = new Set(datasetCountries.map((country) => country.code));
  const countryByCode = new Map(datasetCountries.map((country) => [country.code, country]));
  const countryForms: [string, string][] = datasetCountries.flatMap((country): [string, string][] => [
    [country.name, country.code],
    [country.zh, country.code],
  ]);
  for (const form of worldCountryForms()) countryForms.push([form[0], form[1]]);
  const countryNames = new CountryNames(countryForms, new Set(byKey.keys()), datasetCodes);
  const countryKeys = buildCountryKeys(countryForms, datasetCodes);
  const countryByKey = new Map<string, string>();
  for (const [name, code] of countryForms) {
    const key = compact(fold(name));
    if (key && !countryByKey.has(key)) countryByKey.set(key, code);
  }
  for (const country of datasetCountries) countryByKey.set(country.code.toLowerCase(), country.code);
  const cityById = new Map(cities.map((city) => [city.id, city]));
  // What an empty field offers: the sister cities, oldest tie first (undated last), then the exchange cities.
  const byTierThenDate = [...cities].sort((a, b) =>
    a.tier === b.tier ? byEstablished(a, b) : a.tier === 'friendship' ? -1 : 1,
  );
  const chineseCountryNames = new Set(countryForms.map(([name]) => fold(name)).filter((name) => isSyllabic(name)));
  const regionWords = cities.map((city) => new Set(city.region ? fold(city.region).split(' ') : []));

  function citiesOf(found: readonly NameKey[]): number[] {
    return [...new Set(found.map((name) => name.city))].sort((a, b) => a - b);
  }

  function ambiguous(indexes: readonly number[]): Resolution {
    return { kind: 'ambiguous', candidates: indexes.slice(0, MAX_AMBIGUOUS).map((index) => cities[index]!) };
  }

  function none(indexes: readonly number[]): Resolution {
    const unique = [...new Set(indexes)].slice(0, MAX_NONE_SUGGESTIONS);
    return { kind: 'none', suggestions: unique.map((index) => cities[index]!) };
  }

  /** A match, unless the user named a country the city is not in ("Manchester, USA"): then a suggestion. */
  function matchOrSuggest(name: NameKey, via: 'exact' | 'prefix' | 'fuzzy', countryCode: string | null): Resolution {
    const city = cities[name.city]!;
    if (countryCode && city.country.code !== countryCode) return none([name.city]);
    return { kind: 'match', city, via, matched: name.text };
  }

  function exactNames(key: string): NameKey[] {
    return key ? (byKey.get(key) ?? []) : [];
  }

  /**
   * Names that start with the key, when the key is long enough to mean something. Prefixes under six
   * letters count only against the main names: "Ota" (a Japanese city) must not open Ōtautahi, nor
   * "Halki" (a Greek island) Halkida, nor "man" the pinyin of 曼谷.
   */
  function prefixNames(key: string): NameKey[] {
    const length = codePointLength(key);
    const syllabic = isSyllabic(key);
    if (length < (syllabic ? 2 : 3)) return [];
    const long = syllabic || length >= 6;
    return names.filter((name) => name.key.length > key.length && name.key.startsWith(key) && (long || name.main));
  }

  /**
   * Cities a fuzzy search of `key` supports: fuse proposes, the typo budget decides. Sorted by
   * distance, then fuse score.
   */
  function fuzzyCandidates(key: string): { passing: CityCandidate[]; all: CityCandidate[] } {
    const byCity = new Map<number, CityCandidate>();
    const fuse = fuseByInitial.get(firstChar(key));
    // No name is within two edits of something longer than the longest name plus two.
    const results = fuse && codePointLength(key) <= longestFuzzyKey + 2 ? fuse.search(key) : [];
    for (const result of results) {
      const name = result.item.name;
      const score = result.score ?? 1;
      const distance = typoDistance(key, name.key);
      const previous = byCity.get(name.city);
      if (!previous || distance < previous.distance || (distance === previous.distance && score < previous.score)) {
        byCity.set(name.city, { city: name.city, name, score: Math.min(score, previous?.score ?? score), distance });
      }
    }
    const all = [...byCity.values()].sort((a, b) => a.score - b.score || a.city - b.city);
    const passing = all
      .filter(
        (candidate) =>
          candidate.distance <= typoBudget(key, candidate.name.key) && candidate.score <= STRICT_FUSE_SCORE,
      )
      .sort((a, b) => a.distance - b.distance || a.score - b.score);
    return { passing, all };
  }

  /**
   * Fuzzy match of the whole input. `words`: how many words were typed; a name with fewer words
   * cannot absorb the extra ones as typos ("Pittsburg KS" is in Kansas).
   */
  function resolveFuzzy(key: string, words: number, countryCode: string | null): Resolution | null {
    const found = fuzzyCandidates(key);
    const all = found.all;
    const passing = found.passing.filter((candidate) => wordCount(candidate.name.spaced) >= words);
    const best = passing[0];
    if (!best) return null;
    const rivals = passing.filter((candidate) => candidate.city !== best.city && candidate.distance === best.distance);
    // A rival that fuse rates about as high and that is only just outside the budget also blocks a match.
    const nearRivals = all.filter(
      (candidate) =>
        candidate.city !== best.city &&
        candidate.score <= best.score + FUSE_MARGIN &&
        candidate.distance <= typoBudget(key, candidate.name.key) + 1 &&
        candidate.distance <= best.distance,
    );
    if (rivals.length > 0 || nearRivals.length > 0) {
      return ambiguous([best.city, ...rivals.map((c) => c.city), ...nearRivals.map((c) => c.city)].filter(unique));
    }
    return matchOrSuggest(best.name, 'fuzzy', countryCode);
  }

  /** Weak guesses for "did you mean": names starting with or containing the text, then loose typos. */
  function weakGuesses(key: string): number[] {
    const length = codePointLength(key);
    const syllabic = isSyllabic(key);
    if (length < 2 && !syllabic) return [];
    const guesses = citiesOf(names.filter((name) => name.key.startsWith(key) && !name.secondary));
    if (length >= (syllabic ? 2 : 4)) {
      guesses.push(...citiesOf(names.filter((name) => !name.secondary && name.key.includes(key))));
    }
    for (const candidate of looseCandidates(key)) guesses.push(candidate.city);
    return guesses.filter(unique);
  }

  /**
   * Fuse's weaker hits that still resemble what was typed: within a third of its length in edits.
   * Bitap alone finds "aris" inside "christchurch" for "Paris".
   */
  function looseCandidates(key: string): CityCandidate[] {
    const length = codePointLength(key);
    if (length < (isSyllabic(key) ? 2 : 3) || length > MAX_FUZZY_PATTERN) return [];
    return fuzzyCandidates(key).all.filter(
      (candidate) => candidate.score <= SUGGEST_FUSE_SCORE && candidate.distance <= Math.ceil(length / 3),
    );
  }

  // ---- mentions in running text ------------------------------------------------------------------

  /** Cities named in folded text: whole-word names, names inside CJK/Thai runs, strict typos of long words. */
  function scanMentions(folded: string): FoundMention[] {
    const found: FoundMention[] = [];
    const words = [...folded.matchAll(WORD_PATTERN)].map((match) => ({
      text: match[0],
      start: match.index,
      end: match.index + match[0].length,
    }));
    const blocked = wuhanSpans(folded);
    const isBlocked = (start: number, end: number): boolean =>
      blocked.some(([blockStart, blockEnd]) => start < blockEnd && blockStart < end);

    // Names in scripts without spaces: substring search. 杜伊斯堡市 counts its 市.
    for (const word of words) {
      if (!isUnspaced(word.text)) continue;
      for (const name of unspacedNames) {
        let at = word.text.indexOf(name.key);
        while (at >= 0) {
          const start = word.start + at;
          let end = start + name.key.length;
          if (folded[end] === '市' || folded[end] === '시') end += 1;
          if (!isBlocked(start, end) && standsAlone(folded, start, start + name.key.length)) {
            found.push({ city: name.city, start, end, via: 'exact', name });
          }
          at = word.text.indexOf(name.key, at + 1);
        }
      }
    }

    // Whole words and runs of up to four adjacent words ("sankt polten", "du yi si bao").
    const spacedWords = words.filter((word) => !isUnspaced(word.text));
    for (const { count, start, end } of wordRuns(spacedWords, 4)) {
      const spaced = folded.slice(start, end);
      if (WUHAN_NAMES.has(compact(spaced))) continue;
      const hits = count === 1 ? (byKey.get(spaced) ?? []) : (bySpaced.get(spaced) ?? pinyinHits(compact(spaced)));
      for (const name of hits) found.push({ city: name.city, start, end, via: 'exact', name });
    }

    // Typos, only in words long enough that one slip cannot turn one real city into another.
    for (const { count, start, end } of wordRuns(spacedWords, 2)) {
      const key = compact(folded.slice(start, end));
      if (WUHAN_NAMES.has(key) || NOT_PARTNERS.has(key) || !/^\p{L}+$/u.test(key) || codePointLength(key) < 5) continue;
      if (found.some((mention) => mention.start <= start && end <= mention.end)) continue;
      const hit = closestTypo(key, count > 1);
      if (hit) found.push({ city: hit.city, start, end, via: 'fuzzy', name: hit });
    }
    return pickMentions(found);
  }

  /**
   * Whether a two-syllable name found inside unspaced text is a word of its own: 大分 in 武汉与大分的,
   * not in 最大分数 or 大分子; 杰尔 not in 奈杰尔 (Nigel); 대구 not in 대구경. Longer names are
   * specific enough anywhere.
   */
  function standsAlone(folded: string, start: number, end: number): boolean {
    if (end - start > 2) return true;
    const before = folded[start - 1] ?? ' ';
    const after = folded[end] ?? ' ';
    if (/\p{sc=Hangul}/u.test(folded[start]!)) return !/\p{sc=Hangul}/u.test(before);
    const leftFree = !isSyllabic(before) || HAN_BEFORE_NAME.has(before) || endsWithCountry(folded.slice(0, start));
    return leftFree && (!isSyllabic(after) || HAN_AFTER_NAME.has(after));
  }

  function endsWithCountry(text: string): boolean {
    for (let length = 2; length <= Math.min(8, text.length); length++) {
      if (chineseCountryNames.has(text.slice(-length))) return true;
    }
    return false;
  }

  /** True when everything in `folded` outside the mentions is filler or the city's own region ("Oita Prefecture"). */
  function onlyDescribes(folded: string, mentions: readonly FoundMention[], city: number): boolean {
    let rest = '';
    let at = 0;
    for (const mention of mentions) {
      rest += `${folded.slice(at, mention.start)} `;
      at = mention.end;
    }
    rest += folded.slice(at);
    const allowed = regionWords[city]!;
    return [...rest.matchAll(WORD_PATTERN)].every(([word]) => FILLER_WORDS.has(word) || allowed.has(word));
  }

  function pinyinHits(key: string): NameKey[] {
    return (byKey.get(key) ?? []).filter((name) => name.pinyin);
  }

  /** The one city whose name is within the typo budget of `key`; null when none or several. */
  function closestTypo(key: string, multiWord: boolean): NameKey | null {
    let best: NameKey | null = null;
    let bestDistance = Infinity;
    let tied = false;
    for (const name of fuzzyByInitial.get(firstChar(key)) ?? []) {
      if (multiWord && !name.spaced.includes(' ')) continue;
      const budget = typoBudget(key, name.key);
      if (Math.abs(name.key.length - key.length) > budget) continue;
      const distance = typoDistance(key, name.key, budget);
      if (distance > budget) continue;
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
        tied = false;
      } else if (distance === bestDistance && best && name.city !== best.city) {
        tied = true;
      }
    }
    return tied ? null : best;
  }

  // ---- the Resolver ------------------------------------------------------------------------------

  function resolve(input: string): Resolution {
    const folded = fold(typeof input === 'string' ? input : '');
    if (!folded) return none([]);
    const name = stripCityWords(folded);
    const key = compact(name);
    if (WUHAN_NAMES.has(key)) return none([]);

    // 1. Exact name or alias, as typed.
    const exact = exactNames(key);
    if (exact.length > 0) {
      const indexes = citiesOf(exact);
      return indexes.length === 1 ? matchOrSuggest(exact[0]!, 'exact', null) : ambiguous(indexes);
    }

    // A country on its own: offer its cities rather than guess one.
    const wholeCountry = countryByKey.get(key);
    if (wholeCountry && datasetCodes.has(wholeCountry)) {
      const inCountry = cities.flatMap((city, index) => (city.country.code === wholeCountry ? [index] : []));
      if (inCountry.length > 0) return none(inCountry);
    }

    // The same with a country named around it: "Duisburg, Germany", "德国杜伊斯堡市".
    const split = countryNames.split(name);
    const countryCode = split?.code ?? null;
    const bare = split ? stripCityWords(split.rest) : name;
    const bareKey = compact(bare);
    if (split) {
      const exactBare = exactNames(bareKey);
      if (exactBare.length > 0) {
        const indexes = citiesOf(exactBare);
        return indexes.length === 1 ? matchOrSuggest(exactBare[0]!, 'exact', countryCode) : ambiguous(indexes);
      }
    }
    if (WUHAN_NAMES.has(bareKey)) return none([]);
    if (NOT_PARTNERS.has(bareKey)) return none(weakGuesses(bareKey));

    // 2. A prefix only one city's names start with.
    const prefixed = prefixNames(bareKey);
    if (prefixed.length > 0) {
      const indexes = citiesOf(prefixed);
      if (indexes.length === 1) {
        const shortest = prefixed.reduce((a, b) => (b.key.length < a.key.length ? b : a));
        return matchOrSuggest(shortest, 'prefix', countryCode);
      }
      return ambiguous(indexes);
    }

    // 3. Fuzzy, on the whole name when fuse can take it.
    const length = codePointLength(bareKey);
    if (length >= 2 && length <= MAX_FUZZY_PATTERN) {
      const fuzzy = resolveFuzzy(bareKey, wordCount(bare), countryCode);
      if (fuzzy) return fuzzy;
    }

    // 4. A city named inside longer input ("Oita Prefecture", "大分県", "Duisburg and Bordeaux"). It
    // answers only when the other words merely describe it: "Christchurch Dorset" is another town.
    if (bare.includes(' ') || isUnspaced(bareKey) || length > MAX_FUZZY_PATTERN) {
      const mentions = scanMentions(bare);
      const mentioned = mentions.map((mention) => mention.city).filter(unique);
      if (mentioned.length > 1) return ambiguous(mentioned);
      const only = mentions[0];
      if (only) {
        if (onlyDescribes(bare, mentions, only.city)) return matchOrSuggest(only.name, only.via, countryCode);
        return none([only.city]);
      }
    }
    return none(countryCode && !datasetCodes.has(countryCode) ? [] : weakGuesses(bareKey));
  }

  function suggest(input: string, limit: number = MAX_SUGGESTIONS): City[] {
    const count = Math.max(0, Math.min(MAX_SUGGESTIONS, Number.isFinite(limit) ? Math.floor(limit) : MAX_SUGGESTIONS));
    const folded = fold(typeof input === 'string' ? input : '');
    if (!folded) return byTierThenDate.slice(0, count);
    const name = stripCityWords(folded);
    const keys = [compact(name)];
    const split = countryNames.split(name);
    if (split) keys.push(compact(stripCityWords(split.rest)));

    const rank = new Map<number, number>();
    const offer = (city: number, value: number): void => {
      const previous = rank.get(city);
      if (previous === undefined || value < previous) rank.set(city, value);
    };
    for (const key of keys) {
      if (!key) continue;
      const length = codePointLength(key);
      const syllabic = isSyllabic(key);
      for (const entry of names) {
        if (entry.key === key) offer(entry.city, 0);
        else if (entry.key.startsWith(key) && (!entry.secondary || length >= 3)) {
          offer(entry.city, entry.display ? 1 : entry.secondary ? 4 : 2);
        } else if (entry.spaced.includes(' ') && entry.spaced.split(' ').some((word) => word.startsWith(key)))
          offer(entry.city, 3);
        else if ((length >= 2 || syllabic) && !entry.secondary && entry.key.includes(key)) offer(entry.city, 5);
      }
      if (rank.size < count) {
        for (const candidate of looseCandidates(key)) offer(candidate.city, 6);
      }
    }
    return [...rank.entries()]
      .sort(([cityA, rankA], [cityB, rankB]) => rankA - rankB || cityA - cityB)
      .slice(0, count)
      .map(([index]) => cities[index]!);
  }

  function findInText(text: string): CityMention[] {
    const original = typeof text === 'string' ? text.slice(0, MAX_TEXT_CHARS) : '';
    const folded = foldWithOffsets(original, MAX_TEXT_CHARS);
    return firstPerCity(scanMentions(folded.text)).map((mention) => {
      const start = folded.starts[mention.start]!;
      const end = folded.ends[mention.end - 1]!;
      return { city: cities[mention.city]!, text: original.slice(start, end), start, end };
    });
  }

  function countryCodeFor(input: string): string | null {
    const folded = fold(typeof input === 'string' ? input : '');
    const key = compact(stripCityWords(folded));
    if (!key) return null;
    const known = countryByKey.get(key);
    if (known) return datasetCodes.has(known) ? known : null;
    const length = codePointLength(key);
    if (length >= (isSyllabic(key) ? 1 : 3)) {
      const prefixed = new Set(countryKeys.filter((entry) => entry.key.startsWith(key)).map((entry) => entry.code));
      if (prefixed.size === 1) return [...prefixed][0]!;
      if (prefixed.size > 1) return null;
    }
    const close = new Set(
      countryKeys
        .filter(
          (entry) =>
            firstChar(entry.key) === firstChar(key) && typoDistance(key, entry.key) <= typoBudget(key, entry.key),
        )
        .map((entry) => entry.code),
    );
    return close.size === 1 ? [...close][0]! : null;
  }

  function resolveCountry(input: string): Country | null {
    const code = countryCodeFor(input);
    return code ? (countryByCode.get(code) ?? null) : null;
  }

  function suggestCountries(input: string, limit: number = MAX_SUGGESTIONS): Country[] {
    const count = Math.max(0, Math.min(MAX_SUGGESTIONS, Number.isFinite(limit) ? Math.floor(limit) : MAX_SUGGESTIONS));
    const key = compact(fold(typeof input === 'string' ? input : ''));
    if (!key) return datasetCountries.slice(0, count);
    const rank = new Map<string, number>();
    const offer = (code: string, value: number): void => {
      const previous = rank.get(code);
      if (previous === undefined || value < previous) rank.set(code, value);
    };
    const resolved = countryCodeFor(input);
    if (resolved) offer(resolved, 0);
    for (const entry of countryKeys) {
      if (entry.key === key) offer(entry.code, 0);
      else if (entry.key.startsWith(key)) offer(entry.code, 1);
      else if (entry.spaced.split(' ').some((word) => word.startsWith(key))) offer(entry.code, 2);
      else if (key.length >= 2 && entry.key.includes(key)) offer(entry.code, 3);
    }
    const order = new Map(datasetCountries.map((country, index) => [country.code, index]));
    return [...rank.entries()]
      .sort(([codeA, rankA], [codeB, rankB]) => rankA - rankB || order.get(codeA)! - order.get(codeB)!)
      .slice(0, count)
      .map(([code]) => countryByCode.get(code)!);
  }

  return {
    resolve,
    suggest,
    findInText,
    resolveCountry,
    suggestCountries,
    byId: (id) => cityById.get(id),
  };
}

// ---- building the indexes ------------------------------------------------------------------------

function buildNames(cities: readonly City[]): NameKey[] {
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

function uniqueCountries(cities: readonly City[]): Country[] {
  const byCode = new Map<string, Country>();
  for (const city of cities) if (!byCode.has(city.country.code)) byCode.set(city.country.code, city.country);
  return [...byCode.values()];
}

/** Names of the dataset's countries (English, Chinese, common forms), for prefix and typo matching. */
function buildCountryKeys(forms: readonly (readonly [string, string])[], codes: ReadonlySet<string>): CountryKey[] {
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

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function unique<T>(item: T, index: number, all: readonly T[]): boolean {
  return all.indexOf(item) === index;
}

function wordCount(folded: string): number {
  return folded ? folded.split(' ').length : 0;
}

function firstChar(text: string): string {
  return String.fromCodePoint(text.codePointAt(0) ?? 0);
}

/** Every run of 1 to `longest` words in a row, one space apart, as its word count and span. */
function* wordRuns(
  words: readonly { start: number; end: number }[],
  longest: number,
): Generator<{ count: number; start: number; end: number }> {
  for (let first = 0; first < words.length; first++) {
    for (let count = 1; count <= longest && first + count <= words.length; count++) {
      const last = words[first + count - 1]!;
      if (count > 1 && last.start !== words[first + count - 2]!.end + 1) break;
      yield { count, start: words[first]!.start, end: last.end };
    }
  }
}

/** Spans of folded text that name Wuhan itself (武汉, wuhan), which no mention may overlap. */
function wuhanSpans(folded: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const name of WUHAN_NAMES) {
    let at = folded.indexOf(name);
    while (at >= 0) {
      spans.push([at, at + name.length]);
      at = folded.indexOf(name, at + 1);
    }
  }
  return spans;
}

/** Keeps the strongest non-overlapping mentions (exact before fuzzy, longer first), in order. */
function pickMentions(found: FoundMention[]): FoundMention[] {
  const ranked = [...found].sort(
    (a, b) =>
      (a.via === 'exact' ? 0 : 1) - (b.via === 'exact' ? 0 : 1) ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const kept: FoundMention[] = [];
  for (const mention of ranked) {
    if (kept.some((other) => mention.start < other.end && other.start < mention.end)) continue;
    kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The first mention of each city. */
function firstPerCity(mentions: readonly FoundMention[]): FoundMention[] {
  const seen = new Set<number>();
  return mentions.filter((mention) => {
    if (seen.has(mention.city)) return false;
    seen.add(mention.city);
    return true;
  });
}

// ---- typo budget ---------------------------------------------------------------------------------

/** Text as an indexable sequence of code points; the string itself when it has no surrogate pairs. */
type CodePoints = string | readonly string[];
const SURROGATE = /[\uD800-\uDFFF]/;

function codePoints(text: string): CodePoints {
  return SURROGATE.test(text) ? [...text] : text;
}

function codePointLength(text: string): number {
  return codePoints(text).length;
}

/**
 * How many edits a typo may cost, by the longer of the two names. Short names get none: one slip
 * turns Kiel into Kiev. Five or six letters allow one dropped, added or swapped letter but no
 * replaced one (Izmit is a real city, not a typo of İzmir). Two edits only from twelve letters
 * (Plattsburgh is two edits from Pittsburgh). CJK characters each carry a syllable, so four of them
 * allow one slip. The first letter is never a typo: Winchester is not Manchester.
 */
function typoBudget(typed: string, name: string): number {
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
function typoDistance(typed: string, name: string, limit: number = Infinity): number {
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
