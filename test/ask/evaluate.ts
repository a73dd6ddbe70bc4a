// Runs one question of test/fixtures/ask-questions.json and checks its answer. Shared by the fixture
// test (every kept entry must pass) and bench/ask.ts (accuracy, wrong facts, wrong cities, latency).
import { readFileSync } from 'node:fs';
import type { App } from '../../src/app/app.js';
import { askQuestion, type AskResult } from '../../src/domain/ask/index.js';
import { toMessageBody } from '../../src/render/discord.js';
import { answerReply } from '../../src/views/ask.js';
import type { Reply } from '../../src/reply/reply.js';

export interface AskCase {
  q: string;
  lang: 'en' | 'zh';
  /** Facts the answer must contain, as the user sees them ("1982", "111", "1982年10月8日"). */
  must: string[];
  /** Wrong facts or wrong cities that must not appear in the answer itself (the source list aside). */
  mustNot: string[];
  /** The city the answer must be about (its first subject). */
  expectCity?: string;
  /** The bot should say it does not know. */
  unknown?: true;
  /** Why this entry is allowed to fail for now; such entries are reported, not required. */
  knownGap?: string;
  /** Blind sets: why the answer is what it must be. */
  why?: string;
}

export const FIXTURE_PATH = new URL('../fixtures/ask-questions.json', import.meta.url);

/** The tuning set, or another set of the same shape (a blind set: `why` in place of `knownGap`). */
export function loadCases(path: URL = FIXTURE_PATH): AskCase[] {
  return JSON.parse(readFileSync(path, 'utf8')) as AskCase[];
}

export interface Verdict {
  ok: boolean;
  missing: string[];
  /** mustNot strings found in the answer. */
  wrongFacts: string[];
  /** expectCity given and the answer is about another city (or none). */
  wrongCity: boolean;
  wrongLanguage: boolean;
  /** An "unknown" entry answered with facts, or a factual entry answered "I don't know". */
  wrongKind: boolean;
  /** Time for question → answer → Discord message body, in milliseconds. */
  ms: number;
  text: string;
  result: AskResult;
}

/**
 * What the user can read in the message Discord would show: `answer` is what the bot says (content,
 * titles, descriptions), `text` adds the source list and footer.
 */
export function visibleText(reply: Reply): { answer: string; text: string } {
  const body = toMessageBody(reply);
  const said: string[] = body.content ? [body.content] : [];
  const all: string[] = [...said];
  for (const embed of body.embeds) {
    for (const part of [embed.title, embed.description]) {
      if (part) {
        said.push(part);
        all.push(part);
      }
    }
    for (const field of embed.fields ?? []) all.push(field.name, field.value);
    if (embed.footer) all.push(embed.footer.text);
  }
  return { answer: said.join('\n'), text: all.join('\n') };
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/(\d)[,\u202f\u00a0 ](?=\d{3}\b)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, '')
    .replace(/[’‘]/g, "'");

function holdsFolded(text: string, fact: string): boolean {
  const folded = fold(text);
  return fact.split('|').some((form) => folded.includes(fold(form)));
}

export function evaluate(entry: AskCase, app: App): Verdict {
  const started = performance.now();
  const result = askQuestion(entry.q, { data: app.data, resolver: app.resolver, now: app.now() }, 'en');
  const { answer, text } = visibleText(answerReply(result, app.data));
  const ms = performance.now() - started;
  // The tuning set is matched exactly. A blind set (it has `why`) is written as a user would check a
  // reply, the way bench/blind/score.mjs reads it: case, accents, spaces and thousands separators aside,
  // and "a|b" for a fact that may be written either way ("大分|Ōita").
  const has = entry.why === undefined ? (t: string, f: string) => t.includes(f) : holdsFolded;
  const missing = entry.must.filter((fact) => !has(text, fact));
  const wrongFacts = entry.mustNot.filter((fact) => has(answer, fact));
  const wrongCity = entry.expectCity !== undefined && result.cities[0]?.id !== entry.expectCity;
  const wrongLanguage = (entry.lang === 'zh') !== (result.locale === 'zh-CN');
  const wrongKind = (entry.unknown === true) !== (result.answer.kind === 'unknown');
  return {
    ok: !missing.length && !wrongFacts.length && !wrongCity && !wrongLanguage && !wrongKind,
    missing,
    wrongFacts,
    wrongCity,
    wrongLanguage,
    wrongKind,
    ms,
    text,
    result,
  };
}
