// Cities named inside free text ("when did Wuhan twin with Bordeaux?"), in any script.
import type { CityMention } from '../resolution.js';
import { WORD_PATTERN, compact, foldWithOffsets, isSyllabic, isUnspaced } from '../text.js';
import type { CityIndex } from './city-index.js';
import {
  WUHAN_NAMES,
  FILLER_WORDS,
  type FoundMention,
  HAN_AFTER_NAME,
  HAN_BEFORE_NAME,
  MAX_TEXT_CHARS,
  NOT_PARTNERS,
  codePointLength,
} from './names.js';
import { closestTypo, pinyinHits } from './typos.js';

// ---- mentions in running text ------------------------------------------------------------------
/** Cities named in folded text: whole-word ix.names, ix.names inside CJK/Thai runs, strict typos of long words. */
export function scanMentions(ix: CityIndex, folded: string): FoundMention[] {
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
    for (const name of ix.unspacedNames) {
      let at = word.text.indexOf(name.key);
      while (at >= 0) {
        const start = word.start + at;
        let end = start + name.key.length;
        if (folded[end] === '市' || folded[end] === '시') end += 1;
        if (!isBlocked(start, end) && standsAlone(ix, folded, start, start + name.key.length)) {
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
    const hits =
      count === 1 ? (ix.byKey.get(spaced) ?? []) : (ix.bySpaced.get(spaced) ?? pinyinHits(ix, compact(spaced)));
    for (const name of hits) found.push({ city: name.city, start, end, via: 'exact', name });
  }

  // Typos, only in words long enough that one slip cannot turn one real city into another.
  for (const { count, start, end } of wordRuns(spacedWords, 2)) {
    const key = compact(folded.slice(start, end));
    if (WUHAN_NAMES.has(key) || NOT_PARTNERS.has(key) || !/^\p{L}+$/u.test(key) || codePointLength(key) < 5) continue;
    if (found.some((mention) => mention.start <= start && end <= mention.end)) continue;
    const hit = closestTypo(ix, key, count > 1);
    if (hit) found.push({ city: hit.city, start, end, via: 'fuzzy', name: hit });
  }
  return pickMentions(found);
}

/**
 * Two-character Chinese names that are also parts of common words: 大分 in 最大分数 or 大分子, 杰尔 in
 * 奈杰尔 (Nigel), 大田 (a field), 萨洛 in 萨洛蒙. Other two-character names (曼谷, 万锦, 悉尼...) are
 * names wherever they stand: "和曼谷最早", "万锦先".
 */
const WORD_PART_NAMES = new Set(['大分', '杰尔', '傑爾', '大田', '萨洛']);

/**
 * Whether a two-syllable name found inside unspaced text is a word of its own: 大分 in 武汉与大分的,
 * not in 最大分数 or 大分子; 杰尔 not in 奈杰尔 (Nigel); 대구 not in 대구경. Longer ix.names are
 * specific enough anywhere.
 */
export function standsAlone(ix: CityIndex, folded: string, start: number, end: number): boolean {
  if (end - start > 2) return true;
  const before = folded[start - 1] ?? ' ';
  const after = folded[end] ?? ' ';
  if (/\p{sc=Hangul}/u.test(folded[start]!)) return !/\p{sc=Hangul}/u.test(before);
  const key = folded.slice(start, end);
  if (!WORD_PART_NAMES.has(key)) return true;
  // 大分 is a word's start in 大分子 or 大分数 and its end in 最大分: anywhere else it is Ōita.
  if (key === '大分') return !'子数值量'.includes(after) && !'最较更很'.includes(before);
  const leftFree = !isSyllabic(before) || HAN_BEFORE_NAME.has(before) || endsWithCountry(ix, folded.slice(0, start));
  return leftFree && (!isSyllabic(after) || HAN_AFTER_NAME.has(after));
}

export function endsWithCountry(ix: CityIndex, text: string): boolean {
  for (let length = 2; length <= Math.min(8, text.length); length++) {
    if (ix.chineseCountryNames.has(text.slice(-length))) return true;
  }
  return false;
}

/** True when everything in `folded` outside the mentions is filler or the city's own region ("Oita Prefecture"). */
export function onlyDescribes(ix: CityIndex, folded: string, mentions: readonly FoundMention[], city: number): boolean {
  let rest = '';
  let at = 0;
  for (const mention of mentions) {
    rest += `${folded.slice(at, mention.start)} `;
    at = mention.end;
  }
  rest += folded.slice(at);
  const allowed = ix.regionWords[city]!;
  return [...rest.matchAll(WORD_PATTERN)].every(([word]) => FILLER_WORDS.has(word) || allowed.has(word));
}

export function findInText(ix: CityIndex, text: string): CityMention[] {
  const original = typeof text === 'string' ? text.slice(0, MAX_TEXT_CHARS) : '';
  const folded = foldWithOffsets(original, MAX_TEXT_CHARS);
  return firstPerCity(scanMentions(ix, folded.text)).map((mention) => {
    const start = folded.starts[mention.start]!;
    const end = folded.ends[mention.end - 1]!;
    return { city: ix.cities[mention.city]!, text: original.slice(start, end), start, end };
  });
}

/** One name of one city, prepared for lookup. */

export function* wordRuns(
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

export function wuhanSpans(folded: string): [number, number][] {
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

export function pickMentions(found: FoundMention[]): FoundMention[] {
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

export function firstPerCity(mentions: readonly FoundMention[]): FoundMention[] {
  const seen = new Set<number>();
  return mentions.filter((mention) => {
    if (seen.has(mention.city)) return false;
    seen.add(mention.city);
    return true;
  });
}

/** Text as an indexable sequence of code points; the string itself when it has no surrogate pairs. */
