// The shapes a look-up answers with, and the exact and prefix look-ups every path starts from.
import type { Resolution } from '../resolution.js';
import { isSyllabic } from '../text.js';
import type { CityIndex } from './city-index.js';
import { MAX_AMBIGUOUS, MAX_NONE_SUGGESTIONS, type NameKey, codePointLength } from './names.js';

export function citiesOf(found: readonly NameKey[]): number[] {
  return [...new Set(found.map((name) => name.city))].sort((a, b) => a - b);
}

export function ambiguous(ix: CityIndex, indexes: readonly number[]): Resolution {
  return { kind: 'ambiguous', candidates: indexes.slice(0, MAX_AMBIGUOUS).map((index) => ix.cities[index]!) };
}

export function none(ix: CityIndex, indexes: readonly number[]): Resolution {
  const unique = [...new Set(indexes)].slice(0, MAX_NONE_SUGGESTIONS);
  return { kind: 'none', suggestions: unique.map((index) => ix.cities[index]!) };
}

/** A match, unless the user named a country the city is not in ("Manchester, USA"): then a suggestion. */
export function matchOrSuggest(
  ix: CityIndex,
  name: NameKey,
  via: 'exact' | 'prefix' | 'fuzzy',
  countryCode: string | null,
): Resolution {
  const city = ix.cities[name.city]!;
  if (countryCode && city.country.code !== countryCode) return none(ix, [name.city]);
  return { kind: 'match', city, via, matched: name.text };
}

export function exactNames(ix: CityIndex, key: string): NameKey[] {
  return key ? (ix.byKey.get(key) ?? []) : [];
}

/**
 * Names that start with the key, when the key is long enough to mean something. Prefixes under six
 * letters count only against the main names: "Ota" (a Japanese city) must not open Ōtautahi, nor
 * "Halki" (a Greek island) Halkida, nor "man" the pinyin of 曼谷.
 */
export function prefixNames(ix: CityIndex, key: string): NameKey[] {
  const length = codePointLength(key);
  const syllabic = isSyllabic(key);
  if (length < (syllabic ? 2 : 3)) return [];
  const long = syllabic || length >= 6;
  return ix.names.filter((name) => name.key.length > key.length && name.key.startsWith(key) && (long || name.main));
}
