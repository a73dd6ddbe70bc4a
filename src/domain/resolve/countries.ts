// Countries by English or Chinese name or ISO code; the dataset's own first.
import type { Country } from '../../data/types.js';
import { compact, fold, isSyllabic, stripCityWords } from '../text.js';
import type { CityIndex } from './city-index.js';
import { MAX_SUGGESTIONS, codePointLength, firstChar, typoBudget, typoDistance } from './names.js';

export function countryCodeFor(ix: CityIndex, input: string): string | null {
  const folded = fold(typeof input === 'string' ? input : '');
  const key = compact(stripCityWords(folded));
  if (!key) return null;
  const known = ix.countryByKey.get(key);
  if (known) return ix.datasetCodes.has(known) ? known : null;
  const length = codePointLength(key);
  if (length >= (isSyllabic(key) ? 1 : 3)) {
    const prefixed = new Set(ix.countryKeys.filter((entry) => entry.key.startsWith(key)).map((entry) => entry.code));
    if (prefixed.size === 1) return [...prefixed][0]!;
    if (prefixed.size > 1) return null;
  }
  const close = new Set(
    ix.countryKeys
      .filter(
        (entry) =>
          firstChar(entry.key) === firstChar(key) && typoDistance(key, entry.key) <= typoBudget(key, entry.key),
      )
      .map((entry) => entry.code),
  );
  return close.size === 1 ? [...close][0]! : null;
}

export function resolveCountry(ix: CityIndex, input: string): Country | null {
  const code = countryCodeFor(ix, input);
  return code ? (ix.countryByCode.get(code) ?? null) : null;
}

export function suggestCountries(ix: CityIndex, input: string, limit: number = MAX_SUGGESTIONS): Country[] {
  const count = Math.max(0, Math.min(MAX_SUGGESTIONS, Number.isFinite(limit) ? Math.floor(limit) : MAX_SUGGESTIONS));
  const key = compact(fold(typeof input === 'string' ? input : ''));
  if (!key) return ix.datasetCountries.slice(0, count);
  const rank = new Map<string, number>();
  const offer = (code: string, value: number): void => {
    const previous = rank.get(code);
    if (previous === undefined || value < previous) rank.set(code, value);
  };
  const resolved = countryCodeFor(ix, input);
  if (resolved) offer(resolved, 0);
  for (const entry of ix.countryKeys) {
    if (entry.key === key) offer(entry.code, 0);
    else if (entry.key.startsWith(key)) offer(entry.code, 1);
    else if (entry.spaced.split(' ').some((word) => word.startsWith(key))) offer(entry.code, 2);
    else if (key.length >= 2 && entry.key.includes(key)) offer(entry.code, 3);
  }
  const order = new Map(ix.datasetCountries.map((country, index) => [country.code, index]));
  return [...rank.entries()]
    .sort(([codeA, rankA], [codeB, rankB]) => rankA - rankB || order.get(codeA)! - order.get(codeB)!)
    .slice(0, count)
    .map(([code]) => ix.countryByCode.get(code)!);
}
