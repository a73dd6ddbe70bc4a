// When the structured answers do not fit a question with confidence, the sentences of the data do:
// full-text retrieval decides between a sourced answer, "not sure, but here is the closest", and
// leaving the structured answer alone.
import type { City } from '../../data/types.js';
import type { Answer } from './answer.js';
import type { Entities } from './entities.js';
import type { Intent } from './intent.js';
import { unexplainedText, withoutEntities } from './places.js';
import type { PassageHit, PassageIndex, QueryTerm } from './retrieval.js';

/**
 * Structured answers that are only a general picture (a list, a city card, a cooperation summary):
 * words they leave unexplained ("donated money", "opened offices") mean the question asks something
 * more specific, which the sentences may answer. Answers to specific questions (dates, counts,
 * distances, names) are never replaced.
 */
const GENERAL = new Set<Intent['kind']>([
  'notUnderstood',
  // "新中国第一位洋厂长是谁": a description of a person, which the sentences may hold.
  'person',
  // "How big is the China Garden in Duisburg": "how big" is no topic of the data, the garden is.
  'offTopic',
  // "谁是武汉柴油机厂的第一位洋厂长": a first of something else than sister cities.
  'first',
  'list',
  'city',
  'cooperation',
  'landmarks',
  'partner',
  'established',
]);

/** Specific answers beside which a named partner's sentences may still add what the question asks. */
const BESIDE = new Set<Intent['kind']>([
  'first',
  'distance',
  'elsewhere',
  'compare',
  'names',
  'status',
  'signatories',
  'people',
]);

/**
 * Intents that answer nothing specific: "I don't understand", and the whole list, which a bare
 * "which sister city …" gets. With words left unexplained, these are no answer at all: the sentences
 * answer if they can, and otherwise the reply says it is not sure.
 */
function answersNothing(intent: Intent): boolean {
  if (intent.kind === 'notUnderstood') return true;
  // "What did Bill Peduto do?": the overview of every partner's fields answers no one's question.
  if (intent.kind === 'cooperation' && !intent.cities.length && !intent.topic && !intent.country) return true;
  return (
    intent.kind === 'list' &&
    !intent.scope.country &&
    !intent.scope.continents &&
    !intent.scope.region &&
    !intent.scope.period &&
    !intent.scope.tier
  );
}

/** The share of the unexplained words (weighed by rarity) a sentence must contain to answer. */
const SURE_COVERAGE = 0.5;
/** Sentences shown with the best: those scoring at least this share of its score. */
const NEAR_BEST = 0.5;
const MAX_SHOWN = 4;
const MAX_CLOSEST = 3;
const MAX_RELATED = 2;
const BIGRAM = /^\p{Script=Han}{2}$/u;
const BIGRAM_CHAR = /^\p{Script=Han}$/u;
/** The rarity below which a word is too common to ask about anything (the inverse document frequency of one sentence in ten). */
const MIN_WEIGHT = 2.4;

/** What the sentences add to a question: an answer of their own, or sentences to show beside the structured one. */
export interface Consulted {
  /** The answer from the sentences (or "not sure"), replacing the structured one; null to keep it. */
  answer: Answer | null;
  /**
   * Sentences of the partners the question names that hold the words the structured answer leaves
   * unexplained ("When did Christchurch swimmers start coming?"): shown after it, with their sources.
   */
  related: PassageHit[];
}

const NOTHING: Consulted = { answer: null, related: [] };

/**
 * `cities`: partners the question names. Sentences are then taken from those partners only, so the
 * answer never turns to a city the question did not name; with none named, the sentences imply the city.
 */
export function consultPassages(
  question: string,
  intent: Intent,
  entities: Entities,
  cities: City[],
  index: PassageIndex,
): Consulted {
  // A specific answer stays, but a named partner's sentences with the question's other words go
  // beside it ("the 8,488 km carved in front of Duisburg station": the distance, then that sentence).
  // "武汉友城工作哪年开始的": Wuhan's first sister city is the answer, whatever else "工作" finds.
  const firstTie = intent.kind === 'first' && intent.position === 1 && ABOUT_TIES.test(question);
  const besideOnly = !GENERAL.has(intent.kind) || (intent.kind === 'first' && intent.of !== undefined) || firstTie;
  if (besideOnly && !(cities.length && BESIDE.has(intent.kind))) return NOTHING;
  // "A poem about the Yangtze": off topic, whatever sentences share its words; about a named partner,
  // the sentences may hold it ("how big is the China Garden in Duisburg").
  // Unless one sentence holds most of it, four words or more ("the first China–Europe train after the
  // COVID lockdown": COVID is off topic, the train is the data's).
  const offTopic = intent.kind === 'offTopic' && !cities.length;
  // A Chinese pair of characters no sentence has is no evidence either way: its characters count.
  // Common words (a Chinese character in every third sentence) say nothing of what is asked.
  const telling = (text: string) =>
    index.terms(text).filter((t) => (t.known || !BIGRAM.test(t.term)) && t.weight >= MIN_WEIGHT);
  // Most questions have no telling word besides the places they name: no need to read them further.
  if (!telling(withoutEntities(question, entities)).length) return NOTHING;
  const hits = withoutNameLists(index.search(question, { cities, limit: 12 }));
  if (!besideOnly && cities.length && intent.kind !== 'established' && ASKS_NUMBER.test(question)) {
    // The words of the question but the partners and "how many" itself.
    const rest = withoutEntities(question, entities).replace(new RegExp(ASKS_NUMBER.source, 'gi'), ' ');
    const numbered = numberAnswer(question, telling(rest), hits);
    if (numbered) return numbered;
  }
  const unexplained = telling(unexplainedText(question, entities, intent.kind === 'cooperation'));
  const beside = () => besideHits(telling(withoutEntities(question, entities)), cities, hits);
  if (!unexplained.length) return { answer: null, related: beside() };
  const vague = !besideOnly && !offTopic && answersNothing(intent);
  const best = hits[0];
  if (!best) return vague ? notSure(hits) : NOTHING;
  const wanted = unexplained.reduce((sum, t) => sum + t.weight, 0);
  const found = new Set(best.matched);
  const covered = unexplained.filter((t) => found.has(t.term));
  const share = covered.reduce((sum, t) => sum + t.weight, 0) / wanted;
  const holdsCovered = (h: PassageHit) => h.matched.some((m) => covered.some((t) => t.term === m));
  const shown = hits.filter((h) => h.score >= best.score * NEAR_BEST && holdsCovered(h)).slice(0, MAX_SHOWN);
  // Replacing a structured answer needs two of the question's own words; where it answers nothing,
  // one rare word the question has alone will do.
  // One lone Chinese character is too little to answer by ("成都是武汉的友城吗" leaves "成").
  const enough =
    covered.length >= (offTopic ? OFF_TOPIC_WORDS : vague ? Math.min(2, unexplained.length) : 2) &&
    (covered.length > 1 || covered.some((t) => !BIGRAM_CHAR.test(t.term)) || best.matched.length >= 3);
  if (!besideOnly && share >= SURE_COVERAGE && enough) {
    // "How much did Wuhan donate to Christchurch?": the sentence says it donated, not how much.
    const noFigure = ASKS_NUMBER.test(question) && !shown.some(figureFor(question));
    return { answer: { kind: 'passages', hits: shown, ...(noFigure ? { noFigure } : {}) }, related: [] };
  }
  if (offTopic) return NOTHING;
  // The closest sentences are shown only when they share a rare word (no lone Chinese character) with
  // the question: "热干面哪家最正宗" shares none, and sentences about something else would only look like an answer.
  if (vague)
    return notSure(
      hits.filter((h) =>
        h.matched.some((m) => unexplained.some((t) => t.term === m && t.weight >= RARE_WEIGHT && t.term.length > 1)),
      ),
    );
  // A named partner's sentences with the question's other words go beside the structured answer.
  return { answer: null, related: cities.length && covered.length ? shown.slice(0, MAX_RELATED) : beside() };
}

/** The question's own words a sentence must hold to answer a line that is otherwise off topic. */
const OFF_TOPIC_WORDS = 4;

/** The rarity from which one word of the question is enough to show a named partner's sentence beside the answer. */
const RARE_WEIGHT = 4;

/**
 * A named partner's sentences that hold most of what the question says besides the partner, the cue
 * words included ("Ashdod was the 17th?", "基辅那时候还是苏联吧"): the answer's cue words are the
 * question's too, and a sentence that has them and a rare word of the question adds what it asks.
 */
function besideHits(content: QueryTerm[], cities: City[], hits: PassageHit[]): PassageHit[] {
  if (!cities.length || !content.length) return [];
  const wanted = content.reduce((sum, t) => sum + t.weight, 0);
  return hits
    .filter((h) => {
      const found = content.filter((t) => h.matched.includes(t.term));
      const share = found.reduce((sum, t) => sum + t.weight, 0) / wanted;
      return share >= SURE_COVERAGE && found.some((t) => t.weight >= RARE_WEIGHT);
    })
    .slice(0, MAX_RELATED);
}

const ABOUT_TIES = /友城|友好城市|姐妹城市|\bsister|\btwin|\bfriendship cit/i;

/** A question after a figure: how many, how much, how big... */
const ASKS_NUMBER =
  /\bhow (?:many|much|big|large|long|tall|far|old)\b|\bwhat (?:was |is )?(?:the )?(?:total )?(?:\w+ )?(?:number|amount|size|sum|value)\b|多少|几个|几位|几名|几次|几项|多大|多高|多长|多重|总额|金额/i;
const NUMBER =
  /\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?)\b|[两二三四五六七八九十百千万]+(?=[个名位对次项期人所家])/gi;
/** Days and months of dates ("1995年7月", "15 November"), which are no figure either. */
const DATE_PART =
  /\d{1,2}\s*[月日号]|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/gi;
const numbersIn = (text: string) =>
  (text.replace(DATE_PART, ' ').match(NUMBER) ?? []).map((n) =>
    n
      .toLowerCase()
      .replace(/[,.]+$/, '')
      .replace(/,/g, ''),
  );

const YEAR = /^(1[89]|20)\d\d$/;

/**
 * A sentence with a figure the question does not already hold ("after the 2011 quake" holds 2011).
 * A year is no answer to "how many" or "how much".
 */
function figureFor(question: string): (h: PassageHit) => boolean {
  const asked = new Set(numbersIn(question));
  return (h) =>
    [...numbersIn(h.passage.text), ...numbersIn(h.passage.textZh)].some((n) => !asked.has(n) && !YEAR.test(n));
}

/**
 * "How big is the China Garden in Duisburg?", "1998年水灾大分捐了多少钱": a figure about a partner the
 * question names. Every telling word counts here, the cue words too ("garden", "exchange activities"),
 * and the answer is the named partner's sentence that covers most of them and has a figure in it.
 */
function numberAnswer(question: string, asked: QueryTerm[], hits: PassageHit[]): Consulted | null {
  if (!asked.length) return null;
  // "How many students from Tijuana study in Wuhan?": no sentence of the partner puts a figure on any
  // word of the question, so the data does not hold it; the partner's closest sentences say what it does.
  const figured = hits.filter(figureFor(question)).filter((h) => asked.some((t) => h.matched.includes(t.term)));
  if (!figured.length && hits.length) {
    const top = hits[0]!;
    return {
      answer: {
        kind: 'passages',
        hits: hits.filter((h) => h.score >= top.score * NEAR_BEST).slice(0, MAX_CLOSEST),
        noFigure: true,
      },
      related: [],
    };
  }
  if (asked.length < 2) return null;
  const wanted = asked.reduce((sum, t) => sum + t.weight, 0);
  const share = (hit: PassageHit) => {
    const found = new Set(hit.matched);
    const covered = asked.filter((t) => found.has(t.term));
    return { terms: covered.length, share: covered.reduce((sum, t) => sum + t.weight, 0) / wanted };
  };
  const withFigure = hits.filter(figureFor(question));
  const best = withFigure[0];
  if (best) {
    const { terms, share: part } = share(best);
    if (terms >= 2 && part >= SURE_COVERAGE) {
      const shown = withFigure.filter((h) => h.score >= best.score * NEAR_BEST).slice(0, MAX_SHOWN);
      return { answer: { kind: 'passages', hits: shown }, related: [] };
    }
  }
  // "How much did Wuhan give Christchurch after the earthquake?": the sentence is there, the figure not.
  const closest = hits[0];
  if (!closest || (best && best === closest) || share(closest).share < SURE_COVERAGE) return null;
  const shown = hits.filter((h) => h.score >= closest.score * NEAR_BEST).slice(0, MAX_SHOWN);
  return { answer: { kind: 'passages', hits: shown, noFigure: true }, related: [] };
}

/**
 * A partner's list of names ("清州市 · Cheongju · 청주") finds its city but answers nothing: shown, it
 * would pass a look-alike ("Kiel" for "Kiew") off as an answer.
 */
const SHARED_OPENING = 80;

function withoutNameLists(hits: PassageHit[]): PassageHit[] {
  // A caveat several partners share (the 2019 article's "set up in the Han Dynasty") is shown once.
  const seen = new Set<string>();
  return hits.filter((h) => {
    // Shared caveats differ only in a last sentence about each partner: their openings are compared.
    const opening = h.passage.text.slice(0, SHARED_OPENING);
    if (h.passage.field === 'names' || seen.has(opening)) return false;
    seen.add(opening);
    return true;
  });
}

function notSure(hits: PassageHit[]): Consulted {
  return {
    answer: { kind: 'unknown', reason: 'notUnderstood', cities: [], closest: hits.slice(0, MAX_CLOSEST) },
    related: [],
  };
}
