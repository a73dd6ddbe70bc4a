// Cleaning a free-text question and deciding which language to answer in.
import { createRequire } from 'node:module';
import type { Locale } from '../../i18n/index.js';
import { DISCORD_MENTION, visibleText } from '../user-text.js';

/**
 * Questions are analysed up to this many characters: every real question is shorter, and a cap keeps
 * a 6,000-character paste as fast as a short one.
 */
export const MAX_QUESTION_CHARS = 400;
/** A Discord message runs to 4,000 characters (with Nitro): "Ask Youcheng" reads all of it. */
export const MAX_MESSAGE_CHARS = 4000;

// @everyone and @here carry no question (Discord's mention markup is cleaned by user-text's pattern).
const EVERYONE = /@(?:everyone|here)\b/gi;
const HAN = /\p{Script=Han}/u;
// A sentence ending in a question mark: in a long message, where the question is.
const QUESTION_SENTENCE = /[^.!?。！？\n]*[?？]/gu;

/**
 * The question as the matcher reads it: visible text, single-spaced, NFC, at most MAX_QUESTION_CHARS.
 * A longer text (a whole message, up to `maxChars`) is reduced to its last questions, those sentences
 * ending in a question mark, so a question after a long preamble is still read.
 */
export function cleanQuestion(raw: unknown, maxChars = MAX_QUESTION_CHARS): string {
  if (typeof raw !== 'string') return '';
  const visible = Array.from(raw.length > maxChars * 2 ? raw.slice(0, maxChars * 2) : raw)
    .slice(0, maxChars)
    .join('');
  const clean = visibleText(visible.normalize('NFC'))
    .replace(DISCORD_MENTION, ' ')
    .replace(EVERYONE, ' ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(clean);
  if (chars.length <= MAX_QUESTION_CHARS) return clean;
  const asked = lastQuestions(clean);
  return asked || chars.slice(0, MAX_QUESTION_CHARS).join('');
}

/** The last sentences of the text that end in a question mark, as many as fit MAX_QUESTION_CHARS. */
function lastQuestions(text: string): string {
  const sentences = [...text.matchAll(QUESTION_SENTENCE)]
    .map((m) => m[0].trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  let picked = '';
  for (let i = sentences.length - 1; i >= 0; i--) {
    const next = picked ? `${sentences[i]} ${picked}` : sentences[i]!;
    if (Array.from(next).length > MAX_QUESTION_CHARS) break;
    picked = next;
  }
  return picked;
}

// English words that make a question English; a bare name ("Duisburg", "Kiev") has none of them.
// Word edges are any letter, not only ASCII ones: the "i" in "Galați" is no English word.
const ENGLISH =
  /(?<![\p{L}\p{M}'])(a|an|the|of|in|on|at|to|for|from|with|and|or|not|no|yes|is|are|was|were|be|been|do|does|did|has|have|had|can|could|will|would|what|what's|whats|when|where|which|who|whom|whose|why|how|many|much|any|all|some|about|tell|me|show|list|give|please|its|it|this|that|there|their|they|you|your|my|i|sister|twin|twinned|city|cities|town|towns|partner|partners|partnership|friendship|friendly|exchange|first|latest|oldest|newest|still|since|ended|far|signed|year|years|date|ties?)(?![\p{L}\p{M}'])/iu;

/**
 * A question with Chinese characters is answered in Chinese, one in English words in English, whatever
 * the user's Discord locale; anything else (a bare name, emoji, digits, another script) follows the locale.
 */
/** "(English pls)", "请用中文": the language asked for, whatever the question is written in. */
export const LANGUAGE_ASKED =
  /[(（]?\b(?:in |answer in )?english,? ?(?:answer ok|pls|please|plz|ok|is fine)\b[)）]?|[(（]english[)）]|\ben anglais\b|\bauf englisch\b|请?用(?:中文|汉语)(?:回答)?/gi;

export function askedLanguage(question: string): Locale | null {
  const m = question.match(LANGUAGE_ASKED);
  if (!m) return null;
  return /english/i.test(m[0]) ? 'en' : 'zh-CN';
}

export function detectLanguage(question: string, fallback: Locale): Locale {
  if (HAN.test(question)) return writtenInEnglish(question) ? 'en' : 'zh-CN';
  if (ENGLISH.test(question)) return 'en';
  return fallback;
}

const HAN_CHARS = /\p{Script=Han}/gu;
const ENGLISH_WORDS = new RegExp(ENGLISH.source, 'giu');

/** "What is 基督城 in English?": English words around a short Chinese name make an English question. */
function writtenInEnglish(question: string): boolean {
  const han = question.match(HAN_CHARS)?.length ?? 0;
  return han <= 6 && (question.replace(HAN_CHARS, ' ').match(ENGLISH_WORDS)?.length ?? 0) >= 2;
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

type OpenCC = typeof import('opencc-js/t2cn');

function characterConverter(): (text: string) => string {
  const { ConverterFactory, Locale } = createRequire(import.meta.url)('opencc-js/t2cn') as OpenCC;
  const characters = Locale.to.cn[0]?.[1];
  return characters ? ConverterFactory([characters]) : (same) => same;
}
let toSimplified: ((text: string) => string) | null = null;

/**
 * Traditional characters as Simplified ones (武漢何時締結 → 武汉何时缔结), so that every rule, name and
 * sentence, all written in Simplified Chinese, reads a question typed in Taiwan or Hong Kong the same way.
 * OpenCC's character table does it (its phrase table rewrites words, which no rule here needs). It is
 * loaded on the first question with Chinese in it, about 20 ms once: loaded at start it would cost every
 * process 8 MB whether anyone asks in Chinese or not.
 */
export function simplified(text: string): string {
  if (!HAN.test(text)) return text;
  toSimplified ??= characterConverter();
  return toSimplified(text);
}
