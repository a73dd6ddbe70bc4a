// One city from what a user typed, or autocomplete suggestions: exact, unique prefix, then fuzzy.
import type { City } from '../../data/types.js';
import type { Resolution } from '../resolution.js';
import { compact, fold, isSyllabic, isUnspaced, stripCityWords } from '../text.js';
import type { CityIndex } from './city-index.js';
import { onlyDescribes, scanMentions } from './mentions.js';
import {
  WUHAN_NAMES,
  MAX_FUZZY_PATTERN,
  MAX_SUGGESTIONS,
  NOT_PARTNERS,
  codePointLength,
  unique,
  wordCount,
} from './names.js';
import { ambiguous, citiesOf, exactNames, matchOrSuggest, none, prefixNames } from './results.js';
import { looseCandidates, resolveFuzzy, weakGuesses } from './typos.js';

// ---- the Resolver ------------------------------------------------------------------------------
export function resolve(ix: CityIndex, input: string): Resolution {
  const folded = fold(typeof input === 'string' ? input : '');
  if (!folded) return none(ix, []);
  const name = stripCityWords(folded);
  const key = compact(name);
  if (WUHAN_NAMES.has(key)) return none(ix, []);

  // 1. Exact name or alias, as typed.
  const exact = exactNames(ix, key);
  if (exact.length > 0) {
    const indexes = citiesOf(exact);
    return indexes.length === 1 ? matchOrSuggest(ix, exact[0]!, 'exact', null) : ambiguous(ix, indexes);
  }

  // A country on its own: offer its ix.cities rather than guess one.
  const wholeCountry = ix.countryByKey.get(key);
  if (wholeCountry && ix.datasetCodes.has(wholeCountry)) {
    const inCountry = ix.cities.flatMap((city, index) => (city.country.code === wholeCountry ? [index] : []));
    if (inCountry.length > 0) return none(ix, inCountry);
  }

  // The same with a country named around it: "Duisburg, Germany", "德国杜伊斯堡市".
  const split = ix.countryNames.split(name);
  const countryCode = split?.code ?? null;
  const bare = split ? stripCityWords(split.rest) : name;
  const bareKey = compact(bare);
  if (split) {
    const exactBare = exactNames(ix, bareKey);
    if (exactBare.length > 0) {
      const indexes = citiesOf(exactBare);
      return indexes.length === 1 ? matchOrSuggest(ix, exactBare[0]!, 'exact', countryCode) : ambiguous(ix, indexes);
    }
  }
  if (WUHAN_NAMES.has(bareKey)) return none(ix, []);
  if (NOT_PARTNERS.has(bareKey)) return none(ix, weakGuesses(ix, bareKey));

  // 2. A prefix only one city's ix.names start with.
  const prefixed = prefixNames(ix, bareKey);
  if (prefixed.length > 0) {
    const indexes = citiesOf(prefixed);
    if (indexes.length === 1) {
      const shortest = prefixed.reduce((a, b) => (b.key.length < a.key.length ? b : a));
      return matchOrSuggest(ix, shortest, 'prefix', countryCode);
    }
    return ambiguous(ix, indexes);
  }

  // 3. Fuzzy, on the whole name when fuse can take it.
  const length = codePointLength(bareKey);
  if (length >= 2 && length <= MAX_FUZZY_PATTERN) {
    const fuzzy = resolveFuzzy(ix, bareKey, wordCount(bare), countryCode);
    if (fuzzy) return fuzzy;
  }

  // 4. A city named inside longer input ("Oita Prefecture", "大分県", "Duisburg and Bordeaux"). It
  // answers only when the other words merely describe it: "Christchurch Dorset" is another town.
  if (bare.includes(' ') || isUnspaced(bareKey) || length > MAX_FUZZY_PATTERN) {
    const mentions = scanMentions(ix, bare);
    const mentioned = mentions.map((mention) => mention.city).filter(unique);
    if (mentioned.length > 1) return ambiguous(ix, mentioned);
    const only = mentions[0];
    if (only) {
      if (onlyDescribes(ix, bare, mentions, only.city)) return matchOrSuggest(ix, only.name, only.via, countryCode);
      return none(ix, [only.city]);
    }
  }
  return none(ix, countryCode && !ix.datasetCodes.has(countryCode) ? [] : weakGuesses(ix, bareKey));
}

export function suggest(ix: CityIndex, input: string, limit: number = MAX_SUGGESTIONS): City[] {
  const count = Math.max(0, Math.min(MAX_SUGGESTIONS, Number.isFinite(limit) ? Math.floor(limit) : MAX_SUGGESTIONS));
  const folded = fold(typeof input === 'string' ? input : '');
  if (!folded) return ix.byTierThenDate.slice(0, count);
  const name = stripCityWords(folded);
  const keys = [compact(name)];
  const split = ix.countryNames.split(name);
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
    for (const entry of ix.names) {
      if (entry.key === key) offer(entry.city, 0);
      else if (entry.key.startsWith(key) && (!entry.secondary || length >= 3)) {
        offer(entry.city, entry.display ? 1 : entry.secondary ? 4 : 2);
      } else if (entry.spaced.includes(' ') && entry.spaced.split(' ').some((word) => word.startsWith(key)))
        offer(entry.city, 3);
      else if ((length >= 2 || syllabic) && !entry.secondary && entry.key.includes(key)) offer(entry.city, 5);
    }
    if (rank.size < count) {
      for (const candidate of looseCandidates(ix, key)) offer(candidate.city, 6);
    }
  }
  return [...rank.entries()]
    .sort(([cityA, rankA], [cityB, rankB]) => rankA - rankB || cityA - cityB)
    .slice(0, count)
    .map(([index]) => ix.cities[index]!);
}
