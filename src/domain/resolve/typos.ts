// Typo tolerance: fuse.js behind a strict budget, weak guesses for "did you mean", pinyin with spaces.
import type { Resolution } from '../resolution.js';
import { isSyllabic } from '../text.js';
import type { CityIndex } from './city-index.js';
import {
  type CityCandidate,
  FUSE_MARGIN,
  MAX_FUZZY_PATTERN,
  type NameKey,
  STRICT_FUSE_SCORE,
  SUGGEST_FUSE_SCORE,
  codePointLength,
  firstChar,
  typoBudget,
  typoDistance,
  unique,
  wordCount,
} from './names.js';
import { ambiguous, citiesOf, matchOrSuggest } from './results.js';

/**
 * Cities a fuzzy search of `key` supports: fuse proposes, the typo budget decides. Sorted by
 * distance, then fuse score.
 */
export function fuzzyCandidates(ix: CityIndex, key: string): { passing: CityCandidate[]; all: CityCandidate[] } {
  const byCity = new Map<number, CityCandidate>();
  const fuse = ix.fuseByInitial.get(firstChar(key));
  // No name is within two edits of something longer than the longest name plus two.
  const results = fuse && codePointLength(key) <= ix.longestFuzzyKey + 2 ? fuse.search(key) : [];
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
      (candidate) => candidate.distance <= typoBudget(key, candidate.name.key) && candidate.score <= STRICT_FUSE_SCORE,
    )
    .sort((a, b) => a.distance - b.distance || a.score - b.score);
  return { passing, all };
}

/**
 * Fuzzy match of the whole input. `words`: how many words were typed; a name with fewer words
 * cannot absorb the extra ones as typos ("Pittsburg KS" is in Kansas).
 */
export function resolveFuzzy(ix: CityIndex, key: string, words: number, countryCode: string | null): Resolution | null {
  const found = fuzzyCandidates(ix, key);
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
    return ambiguous(ix, [best.city, ...rivals.map((c) => c.city), ...nearRivals.map((c) => c.city)].filter(unique));
  }
  return matchOrSuggest(ix, best.name, 'fuzzy', countryCode);
}

/** Weak guesses for "did you mean": ix.names starting with or containing the text, then loose typos. */
export function weakGuesses(ix: CityIndex, key: string): number[] {
  const length = codePointLength(key);
  const syllabic = isSyllabic(key);
  if (length < 2 && !syllabic) return [];
  const guesses = citiesOf(ix.names.filter((name) => name.key.startsWith(key) && !name.secondary));
  if (length >= (syllabic ? 2 : 4)) {
    guesses.push(...citiesOf(ix.names.filter((name) => !name.secondary && name.key.includes(key))));
  }
  for (const candidate of looseCandidates(ix, key)) guesses.push(candidate.city);
  return guesses.filter(unique);
}

/**
 * Fuse's weaker hits that still resemble what was typed: within a third of its length in edits.
 * Bitap alone finds "aris" inside "christchurch" for "Paris".
 */
export function looseCandidates(ix: CityIndex, key: string): CityCandidate[] {
  const length = codePointLength(key);
  if (length < (isSyllabic(key) ? 2 : 3) || length > MAX_FUZZY_PATTERN) return [];
  return fuzzyCandidates(ix, key).all.filter(
    (candidate) => candidate.score <= SUGGEST_FUSE_SCORE && candidate.distance <= Math.ceil(length / 3),
  );
}

export function pinyinHits(ix: CityIndex, key: string): NameKey[] {
  return (ix.byKey.get(key) ?? []).filter((name) => name.pinyin);
}

/** The one city whose name is within the typo budget of `key`; null when none or several. */
export function closestTypo(ix: CityIndex, key: string, multiWord: boolean): NameKey | null {
  let best: NameKey | null = null;
  let bestDistance = Infinity;
  let tied = false;
  for (const name of ix.fuzzyByInitial.get(firstChar(key)) ?? []) {
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
