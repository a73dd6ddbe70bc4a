// Free-text question → the facts that answer it, in the language the question was asked in.
import type { Dataset } from '../../data/types.js';
import type { Locale } from '../../i18n/index.js';
import type { Resolver } from '../resolution.js';
import { type Answered, answered, answerIntent } from './answer.js';
import { consultPassages } from './consult.js';
import { detectIntent, type Intent, type Reading, type Unmatched } from './intent.js';
import { type PassageHit, passageIndex } from './retrieval.js';
import { cleanQuestion, detectLanguage, simplified } from './question.js';

export { MAX_MESSAGE_CHARS, simplified } from './question.js';

export type { Answer, Answered, CityDate, CityDistance } from './answer.js';
export type { Passage, PassageHit } from './retrieval.js';
export { passageIndex } from './retrieval.js';
export { closeCities, statusCaveats, tierHedges } from './answer.js';
export type { Intent, NameForm, Reading, Scope, Unmatched } from './intent.js';

export interface AskDeps {
  data: Dataset;
  resolver: Resolver;
  now: Date;
}

export interface AskResult extends Answered {
  /** The language of the answer: the question's script decides, `fallback` only when it cannot. */
  locale: Locale;
  intent: Intent;
  /** Cities read from a misspelling, which the answer names so the user can tell. */
  readings: Reading[];
  /** Places named besides the answer's partners that are no partner: the answer says so. */
  unmatched: Unmatched[];
  /** Sentences of the named partners that hold the question's other words, shown after the answer. */
  related: PassageHit[];
}

/**
 * Never throws on any input: empty, huge, emoji-only or non-string questions get the "unknown" answer.
 * `maxChars`: how much of the text to read (a whole Discord message for "Ask Youcheng").
 */
export function askQuestion(raw: unknown, deps: AskDeps, fallback: Locale, maxChars?: number): AskResult {
  const question = simplified(cleanQuestion(raw, maxChars));
  const locale = detectLanguage(question, fallback);
  const {
    question: read,
    intent,
    readings,
    unmatched,
    entities,
  } = detectIntent(question, deps.resolver, deps.data.cities);
  const named = 'cities' in intent ? intent.cities : [];
  const { answer, related } = consultPassages(read, intent, entities, named, passageIndex(deps.data));
  if (answer) return { locale, intent, readings, unmatched: [], related: [], ...answered(answer, deps.data) };
  const structured = answerIntent(intent, { data: deps.data, now: deps.now }, readings, unmatched);
  const sources = [...new Set([...structured.sources, ...related.flatMap((h) => h.passage.sources)])];
  return { locale, intent, readings, unmatched, related, ...structured, sources };
}
