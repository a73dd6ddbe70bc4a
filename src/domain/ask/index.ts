// Free-text question → the facts that answer it, in the language the question was asked in.
import type { Dataset } from '../../data/types.js';
import type { Locale } from '../../i18n/index.js';
import type { Resolver } from '../resolution.js';
import { type Answered, answered, answerIntent } from './answer.js';
import { type Consulted, consultPassages } from './consult.js';
import type { Entities } from './entities.js';
import { detectIntent, type Intent, type Reading, type Unmatched } from './intent.js';
import { type Passage, type PassageHit, type PassageIndex, passageIndex } from './retrieval.js';
import { askedLanguage, cleanQuestion, detectLanguage, LANGUAGE_ASKED, simplified } from './question.js';

export { hasHan, MAX_MESSAGE_CHARS, simplified } from './question.js';

export type { Answer, Answered, CityDate, CityDistance } from './answer.js';
export type { Passage, PassageHit } from './retrieval.js';
export { passageIndex } from './retrieval.js';
export { closeCities, statusCaveats, tierHedges } from './answer.js';
export type { Anniversary, Intent, NameForm, Reading, Scope, Unmatched } from './intent.js';

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
  /** "When did Ōita twin with Wuhan? And which is the newest?": the answers to the line's other questions. */
  more?: AskResult[];
}

/**
 * "格里希是哪年来武汉柴油机厂的": a name the data's sentences hold (a person, a factory) is no place to
 * call "no partner" when the rest of the question, the name aside, leads to those sentences. "巴黎是
 * 武汉的友好城市吗" stays a partner check: Paris is in a sentence, but nothing else of the question is.
 */
function knownName(question: string, intent: Intent, entities: Entities, index: PassageIndex): Consulted | null {
  if (intent.kind !== 'notPartner') return null;
  const name = intent.name;
  const mentioning = index.passages.filter(
    (p) => p.field !== 'names' && (p.textZh.includes(name) || p.text.includes(name)),
  );
  if (!mentioning.length) return null;
  const rest = question.replace(name, ' '.repeat(name.length));
  const trial = consultPassages(rest, { kind: 'notUnderstood' }, entities, [], index);
  if (trial.answer?.kind === 'passages')
    return consultPassages(question, { kind: 'notUnderstood' }, entities, [], index);
  // "忠清北道是武汉的友城吗": no partner, and the answer says so, with the sentences of the one partner
  // that name it. A name in several partners' sentences ("Paris–Wuhan route", "Paris-Sud") or close to
  // a partner's name ("Sankt") says nothing of one partner: nothing is added.
  if (intent.resolution.kind !== 'none') return null;
  if (new Set(mentioning.map((p) => p.city?.id)).size !== 1) return null;
  return {
    answer: null,
    related: mentioning.slice(0, 2).map(shownAsIs),
  };
}

/** A sentence shown for what it says, not found by a search: it has no score or matched words. */
function shownAsIs(passage: Passage): PassageHit {
  return { passage, score: 0, coverage: 0, matched: [] };
}

/** "Since when were they exchanging before 2018?", "交流最早是哪年开始的": the ties' history before the date. */
const BEFORE_THE_TIE =
  /\b(before|earlier|prior|first (?:contact|exchange|agreement|link)s?|start(?:ed)?|began|begin|go(?:es)? back|origins?|friendly[- ]exchange|exchange city)\b|最早|之前|以前|开始|起初|最初|起源|渊源|友好交流/i;
const YEAR_IN = /(?<!\d)(?:19|20)\d\d(?!\d)/g;

/**
 * A dated tie's sentences that hold a year before it ("friendly-exchange partners since 2013",
 * "exchange began in 1995"), shown after its date when the question asks about what came before.
 */
function earlierHistory(question: string, intent: Intent, index: PassageIndex): PassageHit[] {
  if (intent.kind !== 'established' || intent.cities.length !== 1 || !BEFORE_THE_TIE.test(question)) return [];
  const city = intent.cities[0]!;
  const since = Number(city.established?.date.slice(0, 4));
  if (!since) return [];
  return index.passages
    .filter((p) => p.city?.id === city.id && p.field !== 'names' && p.field !== 'established')
    .filter((p) => (p.text.match(YEAR_IN) ?? []).some((y) => Number(y) < since))
    .slice(0, 2)
    .map(shownAsIs);
}

const PROVINCE_ASKED = /\bhubei\b|\bprovinces?\b|湖北|省/i;
const HUBEI = /\bHubei\b|湖北/;

/**
 * "杰尔和湖北省也结好了吗", "Is Chungcheongbuk-do a sister of Wuhan?": the province's own tie, which
 * the partner's sentences about Hubei record, beside the answer about the city.
 */
function provinceTies(question: string, intent: Intent, entities: Entities, index: PassageIndex): PassageHit[] {
  const regionAsked = intent.kind === 'notPartner' && entities.regionOf.length > 0;
  if (!PROVINCE_ASKED.test(question) && !regionAsked) return [];
  const cities = 'cities' in intent && intent.cities.length ? intent.cities : entities.regionOf.map((m) => m.city);
  if (!cities.length) return [];
  const ids = new Set(cities.map((c) => c.id));
  const mine = index.passages.filter((p) => p.city && ids.has(p.city.id) && p.field !== 'names');
  // The partner in that province is named too, by its summary, when the province itself was asked about.
  return [
    ...mine.filter((p) => HUBEI.test(p.text) && /provinc/i.test(p.text)).slice(0, 2),
    ...(regionAsked ? mine.filter((p) => p.field === 'summary').slice(0, 1) : []),
  ].map(shownAsIs);
}

/**
 * "基督城和武汉1999年签了什么", "张光清2015年去过埃松吗": a year asked about one partner, other than
 * its tie's, is found in the partner's sentences that hold it.
 */
function yearEvidence(question: string, intent: Intent, index: PassageIndex): PassageHit[] {
  if (!['city', 'cooperation', 'partner', 'people'].includes(intent.kind)) return [];
  if (!('cities' in intent) || intent.cities.length !== 1) return [];
  const city = intent.cities[0]!;
  const tieYear = city.established?.date.slice(0, 4);
  const years = (question.match(YEAR_IN) ?? []).filter((y) => y !== tieYear);
  if (!years.length) return [];
  return index.passages
    .filter((p) => p.city?.id === city.id && p.field !== 'names' && years.some((y) => p.text.includes(y)))
    .slice(0, 2)
    .map(shownAsIs);
}

const FIRST_OR_ONLY = /\b(only|sole|first)\b|唯一|第一|首个|首对/i;

/**
 * "Is Christchurch Wuhan's only sister city in NZ?", "the first twinning between West Germany and
 * China?": the partner's sentences that say "only" or "first" answer the claim.
 */
function superlativeClaims(question: string, intent: Intent, index: PassageIndex): PassageHit[] {
  if (!['partner', 'city', 'established'].includes(intent.kind)) return [];
  if (!('cities' in intent) || intent.cities.length !== 1 || !FIRST_OR_ONLY.test(question)) return [];
  const city = intent.cities[0]!;
  return (
    index.passages
      .filter((p) => p.city?.id === city.id && (p.field === 'highlight' || p.field === 'caveat'))
      .filter((p) => FIRST_OR_ONLY.test(p.text) || FIRST_OR_ONLY.test(p.textZh))
      // The data puts a partner's firsts first among its highlights: the first that says so is the claim's.
      .slice(0, 1)
      .map(shownAsIs)
  );
}

const ORDINAL_ASKED = /\b(\d{1,2})(?:st|nd|rd|th)\b|第\s*(\d{1,2})\s*个/i;

/**
 * "Ashdod was the 17th?": a partner's place in the order by the sources' dates may differ from the
 * place a source gives it; that source's sentence is shown beside the order.
 */
function ordinalEvidence(question: string, intent: Intent, index: PassageIndex): PassageHit[] {
  if (intent.kind !== 'first' || !intent.of) return [];
  const asked = question.match(ORDINAL_ASKED);
  if (!asked) return [];
  const n = asked[1] ?? asked[2];
  const says = new RegExp(`\\b${n}(?:st|nd|rd|th)\\b|第${n}个`);
  return index.passages
    .filter((p) => p.city?.id === intent.of!.id && (says.test(p.text) || says.test(p.textZh)))
    .slice(0, 2)
    .map(shownAsIs);
}

/**
 * Never throws on any input: empty, huge, emoji-only or non-string questions get the "unknown" answer.
 * `maxChars`: how much of the text to read (a whole Discord message for "Ask Youcheng").
 */
export function askQuestion(raw: unknown, deps: AskDeps, fallback: Locale, maxChars?: number): AskResult {
  const cleaned = simplified(cleanQuestion(raw, maxChars));
  // "大分市の友好都市締結日 (English pls)": the reply in the language asked for, and the request read as no place.
  const locale = askedLanguage(cleaned) ?? detectLanguage(cleaned, fallback);
  const question = cleaned.replace(LANGUAGE_ASKED, ' ').trim() || cleaned;
  const parts = separateQuestions(question);
  if (parts.length < 2) return askOne(question, locale, deps);
  // Each question of the line answered on its own; those answered "I don't know" are left out unless
  // none is answered, and the same answer twice is given once.
  const first = askOne(parts[0]!, locale, deps);
  // "When did Arnhem twin with Wuhan? Is it still going?": a later question that names no partner
  // and asks about one ("it", "那") is about the partners the first question named, or the one or two
  // its answer found ("乌干达的友城是哪个").
  const namedFirst = 'cities' in first.intent ? first.intent.cities : [];
  const named = namedFirst.length ? namedFirst : first.cities.length <= 2 ? first.cities : [];
  const results = [first];
  for (const part of parts.slice(1)) {
    const result = askOne(part, locale, deps);
    const aboutOne = [
      'status',
      'cooperation',
      'established',
      'notUnderstood',
      'signatories',
      'people',
      'names',
      'offTopic',
    ].includes(result.intent.kind);
    const namesNone = 'cities' in result.intent ? !result.intent.cities.length : true;
    if (named.length && namesNone && aboutOne && (REFERS_BACK.test(part) || wordCount(part) <= 8))
      results.push(askOne(`${part} ${named.map((c) => c.names.en).join(' and ')}`, locale, deps));
    else results.push(result);
  }
  const known = results.filter((r) => r.answer.kind !== 'unknown');
  const shown = (known.length ? known : results.slice(0, 1)).filter(
    (r, i, all) => all.findIndex((o) => o.answer.kind === r.answer.kind && sameCities(o, r)) === i,
  );
  const [main, ...more] = shown;
  return more.length ? { ...main!, more } : main!;
}

/** Chinese characters and spaced-script words: how much a part of a line asks. */
function wordCount(text: string): number {
  return text.match(/\p{Script=Han}|[\p{L}\p{N}]+/gu)?.length ?? 0;
}

function sameCities(a: AskResult, b: AskResult): boolean {
  // Two answers from sentences are the same only with the same sentences ("how many schools? and
  // how many joint ventures?" are two answers about one partner).
  if (a.answer.kind === 'passages' && b.answer.kind === 'passages')
    return a.answer.hits.map((h) => h.passage.id).join() === b.answer.hits.map((h) => h.passage.id).join();
  return a.cities.map((c) => c.id).join() === b.cities.map((c) => c.id).join();
}

const REFERS_BACK = /\b(it|its|they|them|their|that|this|there)\b|它|他们|那里|那边|那个|该市|这个城市|呢/i;

/** The most sentences shown after an answer. */
const MAX_RELATED = 3;

/** The most questions one line is answered as. */
const MAX_QUESTIONS = 3;
/**
 * Where one question ends and the next begins: after a question mark; before ", and what / which / when…";
 * at a Chinese comma between two clauses that each ask (哪年结好，又是哪年断交的).
 */
const BETWEEN_QUESTIONS =
  /(?<=[?？])\s*|,?\s+and\s+(?=(?:what|which|when|who|how|where|in what|is|are|was|did|does)\b)|(?<=(?:哪|什么|几|多少|谁|吗)[^，,；;]{0,12})[，,；;](?=[^，,；;]{0,4}(?:又|还|另外|以及|那|后来)?[^，,；;]{0,12}(?:哪|什么|几|多少|谁|吗|呢|是不是|是否|有没有))/iu;

/**
 * A line with two or three questions, each ended by a question mark ("大分什么时候结好的？最新的友城是
 * 哪个？"), as separate questions; anything else as one. A part too short to ask anything alone ("why?")
 * stays with the question before it.
 */
export function separateQuestions(question: string): string[] {
  const parts: string[] = [];
  for (const piece of question.split(BETWEEN_QUESTIONS)) {
    if (parts.length && wordCount(piece) < 3) parts[parts.length - 1] += ` ${piece}`;
    else if (piece.trim()) parts.push(piece.trim());
  }
  return parts.length > MAX_QUESTIONS ? [question] : parts;
}

function askOne(question: string, locale: Locale, deps: AskDeps, countriesLeft = MAX_QUESTIONS - 1): AskResult {
  const detected = detectIntent(question, deps.resolver, deps.data.cities);
  // "Which sister cities are in Japan and South Korea?", "瑞典和冰岛的友城分别是哪个": one list per
  // country, in the question's order, each asked with the other country left out.
  const { intent, entities } = detected;
  if (intent.kind === 'list' && intent.scope.country && countriesLeft) {
    const span = entities.named.at(-1)!;
    const others = blank(question, span);
    const next = detectIntent(others, deps.resolver, deps.data.cities);
    if (
      next.intent.kind === 'list' &&
      next.intent.scope.country &&
      next.intent.scope.country.code !== intent.scope.country.code
    ) {
      const otherSpan = next.entities.named.at(-1)!;
      const here = askOne(blank(question, otherSpan), locale, deps, 0);
      const rest = askOne(others, locale, deps, countriesLeft - 1);
      const [main, ...more] =
        span[0] < otherSpan[0] ? [here, rest, ...(rest.more ?? [])] : [rest, ...(rest.more ?? []), here];
      return { ...main!, more: more.map(({ more: _, ...r }) => r) };
    }
  }
  // "The first and the last sister city signed in the 2010s?", "亚洲最老的友城和最新的友城分别是哪个": both ends.
  if ((intent.kind === 'first' && !intent.of && intent.position === 1) || intent.kind === 'latest') {
    const first = question.replace(LATEST_WORDS, (m) => ' '.repeat(m.length));
    const latest = question.replace(FIRST_WORDS, (m) => ' '.repeat(m.length));
    if (first !== question && latest !== question) {
      const [a, b] = [
        askDetected(detectIntent(first, deps.resolver, deps.data.cities), locale, deps),
        askDetected(detectIntent(latest, deps.resolver, deps.data.cities), locale, deps),
      ];
      if (a.intent.kind === 'first' && b.intent.kind === 'latest') return { ...a, more: [b] };
    }
  }
  return askDetected(detected, locale, deps);
}

const FIRST_WORDS = /\b(first|oldest|earliest)\b|最老|最早|第一个|最先/gi;
const LATEST_WORDS = /\b(last|latest|newest|most recent)\b|最新|最晚|最近|最后一个/gi;

function blank(text: string, [start, end]: readonly [number, number]): string {
  return `${text.slice(0, start)}${' '.repeat(end - start)}${text.slice(end)}`;
}

function askDetected(detected: ReturnType<typeof detectIntent>, locale: Locale, deps: AskDeps): AskResult {
  const { question: read, readings, unmatched, entities } = detected;
  const index = passageIndex(deps.data);
  const intent = detected.intent;
  // "Sudan's president visited Wuhan with how many people?": a country's one partner is the one the
  // sentences may be about when the question names no partner and asks nothing the structured answers do.
  // "Which Sudanese president visited in 1995?" reads as a list of Sudan's partners: one partner, whose
  // sentences may hold the rest.
  const inCountry =
    (intent.kind === 'offTopic' || intent.kind === 'notUnderstood' || intent.kind === 'list') && entities.country
      ? deps.data.cities.filter((c) => c.country.code === entities.country!.code && c.tier === 'friendship')
      : [];
  const named = 'cities' in intent && intent.cities.length ? intent.cities : inCountry.length === 1 ? inCountry : [];
  const consulted = knownName(read, intent, entities, index) ?? consultPassages(read, intent, entities, named, index);
  const { answer } = consulted;
  // The sentences found for the question's words, then those its kind of question asks for, each once.
  const related = [
    ...consulted.related,
    ...earlierHistory(read, intent, index),
    ...ordinalEvidence(read, intent, index),
    ...provinceTies(read, intent, entities, index),
    ...yearEvidence(read, intent, index),
    ...superlativeClaims(read, intent, index),
  ]
    .filter((h, i, all) => all.findIndex((o) => o.passage.id === h.passage.id) === i)
    .slice(0, MAX_RELATED);
  if (answer) return { locale, intent, readings, unmatched: [], related: [], ...answered(answer, deps.data) };
  const structured = answerIntent(intent, { data: deps.data, now: deps.now }, readings, unmatched);
  const sources = [...new Set([...structured.sources, ...related.flatMap((h) => h.passage.sources)])];
  return { locale, intent, readings, unmatched, related, ...structured, sources };
}
