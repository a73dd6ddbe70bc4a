// Questions that quote one of the city's own sentences with its names blanked out.
import { foldName } from '../../data/load.js';
import type { City, SourceId } from '../../data/types.js';
import { LOCALES } from '../../i18n/index.js';
import {
  type BuildContext,
  assemble,
  both,
  cityOption,
  distractors,
  mentions,
  naming,
  sameContinent,
  text,
} from './build.js';
import { type QuizPool, foldedNames, sourcesOf } from './pool.js';
import type { LocalText, Question, QuestionKind } from './types.js';

/** A sentence shown inside “…” has its own double quotes turned into single ones, as both languages nest them. */
export function innerQuotes(sentence: string): string {
  return sentence
    .replace(/"([^"]*)"/g, '‘$1’')
    .replace(/“/g, '‘')
    .replace(/”/g, '’');
}

/** What stands for the hidden city in a quoted sentence. */
// Escaped: a bare "____" is Discord markdown for an empty underline and would vanish.
export const BLANK = '\\_\\_\\_\\_';

/** A quoted sentence needs this much text besides its blanks to be a question at all. */
export const QUOTE_MIN = 30;

/**
 * The sentence with every name and alias of `city` replaced by a blank, in both languages; null when
 * it would still name the city or would say nothing particular: no number and no name but Wuhan's
 * ("____ and Wuhan cooperate on ports and logistics." could be about many cities).
 */
export function blankedQuote(pool: QuizPool, city: City, sentence: LocalText): LocalText | null {
  const keys = pool.foldedNames.get(city) ?? foldedNames(city);
  const blanked = both((locale) => blankOut(sentence[locale], keys));
  if (LOCALES.some((locale) => mentions(pool, blanked[locale], city))) return null;
  const rest = blanked.en.replaceAll(BLANK, '').trim();
  const words = rest.split(/\s+/).slice(1);
  const particular = /\d/.test(rest) || words.some((w) => /^\p{Lu}/u.test(w) && !w.startsWith('Wuhan'));
  return rest.length >= QUOTE_MIN && particular ? blanked : null;
}

/**
 * `text` with each stretch whose folded form is one of `keys` replaced by BLANK. In Latin script a
 * stretch must be a whole word ("Oita" is not blanked inside "exploitation").
 */
export function blankOut(text: string, keys: readonly string[]): string {
  // The folded text, and for each of its characters the index of the character it came from.
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    for (const f of foldName(char)) {
      folded += f;
      origin.push(i);
    }
    i += char.length;
  }
  const spans: [number, number][] = [];
  for (const key of keys) {
    for (let at = folded.indexOf(key); at !== -1; at = folded.indexOf(key, at + 1)) {
      const start = origin[at]!;
      const last = origin[at + key.length - 1]!;
      const end = last + String.fromCodePoint(text.codePointAt(last)!).length;
      const latinLetter = /[\p{Script=Latin}\d]/u;
      if (latinLetter.test(text[start - 1] ?? '') || latinLetter.test(text[end] ?? '')) continue;
      spans.push([start, end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let from = 0;
  for (const [start, end] of spans) {
    if (end <= from) continue;
    out += start >= from ? `${text.slice(from, start)}${BLANK}` : '';
    from = end;
  }
  return out + text.slice(from);
}

/**
 * "Which city is this about?" over a sentence from one city's own record: right by construction.
 * The other options are cities the blanked sentence does not name.
 */
export function quoteQuestion(
  ctx: BuildContext,
  kind: QuestionKind,
  subject: string,
  promptKey: 'cooperation' | 'landmark' | 'ended' | 'phasingOut',
  city: City,
  sentence: LocalText,
  sourceIds: readonly SourceId[],
  others: readonly City[],
): Question | null {
  const quote = blankedQuote(ctx.pool, city, sentence);
  const sources = sourcesOf(ctx.pool.data, sourceIds);
  if (!quote) return null;
  const candidates = others.filter(
    (c) => c !== city && LOCALES.every((locale) => !mentions(ctx.pool, quote[locale], c)),
  );
  return assemble(
    ctx,
    kind,
    subject,
    text(promptKey, (locale) => ({ quote: innerQuotes(quote[locale]) })),
    cityOption(city),
    distractors(candidates, sameContinent(city), ctx)?.map(cityOption) ?? null,
    naming(ctx.pool, city, sources && { text: sentence, sources }),
  );
}
