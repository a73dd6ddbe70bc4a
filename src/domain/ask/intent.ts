// Question → intent: keyword rules in English and Chinese over the entities the resolver finds.
// Deterministic and cheap: a handful of regular expressions and resolver look-ups per question.
import type { City, Continent, Note, Tier, Topic } from '../../data/types.js';
import type { Resolution, Resolver } from '../resolution.js';
import {
  type CountryRef,
  countryOfPlace,
  type Entities,
  findEntities,
  leftoverNames,
  type Period,
} from './entities.js';
import { CUES, type CueName, type Region } from './lexicon.js';
import { isRecognisedPlace, namedPlaces } from './places.js';
import { hasHan } from './question.js';

/** Which partners a list, "first" or "latest" question is about. Empty means all of them. */
export interface Scope {
  country?: CountryRef;
  continents?: Continent[];
  region?: Region;
  period?: Period;
  tier?: Tier;
  /** The country or continents are the ones to leave out ("outside Asia"). */
  outside?: true;
  /** Partners to leave out ("the oldest in Asia other than Ōita", "韩国除了清州还有哪些"). */
  except?: City[];
}

export type TotalsFocus = 'current' | 'history' | 'exchange';

/**
 * A form of a name a question asks for: Chinese, English, the city's own (native) name, or how the
 * machine-translated 2019 article garbled it.
 */
export type NameForm = 'zh' | 'en' | 'native' | 'article';

export type Intent =
  | { kind: 'empty' }
  /** Something typed, but no word or number in it (emoji, punctuation). */
  | { kind: 'noWords' }
  /** About Hubei province's partners, which the data does not hold: only Wuhan's own. */
  | { kind: 'province' }
  /** "Who was X?": a person, looked up in the partners' notes, never taken for a place. */
  | { kind: 'person'; name: string }
  /** About something the data does not cover (population, weather...); `cities` are what we do know of. */
  | { kind: 'offTopic'; cities: City[] }
  | { kind: 'notUnderstood' }
  /** "Is Duisburg twinned with Pittsburgh?": a tie between two partners, which the data does not cover. */
  | { kind: 'betweenPartners'; cities: City[] }
  /** `figures`: numbers the question quotes ("where does 111 come from?"), to find the count meant. */
  | { kind: 'sources'; cities: City[]; about: 'totals' | 'general'; figures: number[] }
  | { kind: 'tiers' }
  | { kind: 'rank' }
  /** Which decade made the most sister cities. */
  | { kind: 'decades' }
  /** `country`: with no partner named, the landmarks of that country's partners ("the German train"). */
  | { kind: 'landmarks'; cities: City[]; country?: CountryRef }
  | { kind: 'status'; cities: City[] }
  /** `country`: with no partner named, the partners of that country ("武汉在以色列的友城合作什么"). */
  | { kind: 'cooperation'; cities: City[]; topic: Topic | null; country?: CountryRef }
  /** `position`: 1 for the first, 2 for the second... in order of establishment. */
  /** `of`: the partner whose position is asked ("which number was Pittsburgh?"); `position` is then 0. */
  | { kind: 'first'; scope: Scope; cities: City[]; position: number; of?: City }
  /** Partners named together with a country none of them is in ("Manchester in the USA"). */
  /** `when`: the question also asks when the tie was made. */
  | { kind: 'elsewhere'; cities: City[]; country: CountryRef; when: boolean }
  | { kind: 'latest'; scope: Scope; cities: City[] }
  /** `anniversary`: an anniversary asked about ("十周年是哪年": n 10) or a year to count to ("到2022年是多少周年"). */
  | { kind: 'established'; cities: City[]; anniversary?: Anniversary }
  | { kind: 'totals'; focus: TotalsFocus }
  | { kind: 'totalsInYear'; year: number }
  /** `most`: only the countries with the most partners are asked for. */
  | { kind: 'countries'; most: boolean }
  | { kind: 'list'; scope: Scope }
  /** Partners no source dates. */
  | { kind: 'undated'; scope: Scope }
  | { kind: 'partner'; cities: City[] }
  /** A place the question names that is not a known partner; `resolution` says how close it came. */
  /** `country`: a country the question also names ("Wuhan's German sister city is Hamburg?"). */
  | { kind: 'notPartner'; name: string; resolution: Resolution; country?: CountryRef }
  /** Who signed the ties of these partners (all partners whose notes say, when none is named). */
  | { kind: 'signatories'; cities: City[] }
  /** Two or more partners set against each other in time: which tie came first (or last). */
  /** `against`: the first or latest sister city is set against the one partner named ("years between"). */
  | { kind: 'compare'; cities: City[]; order: 'earlier' | 'later'; against?: 'first' | 'latest' }
  /** What partners are called: in Chinese, English, their own language, or every form (`want` null). */
  | { kind: 'names'; cities: City[]; want: NameForm | null }
  /** People with a role in a partner's tie (its mayors), as far as the data names them. */
  /** `today`: today's mayor is asked, which the data never records: the answer says so first. */
  | { kind: 'people'; cities: City[]; role: 'mayor'; today: boolean }
  /** How far partners are from Wuhan; with none named, the farthest and the closest in scope. */
  | { kind: 'distance'; cities: City[]; scope: Scope; extreme: 'farthest' | 'closest' | null }
  | { kind: 'city'; cities: City[] };

/** A city found in the question under a spelling none of its names has: the answer says so. */
export interface Reading {
  typed: string;
  city: City;
  /** 'typo': close to a name; 'garbled': a machine translation's rendering of it; 'region': its province or state. */
  as: 'typo' | 'garbled' | 'region';
  /** For a garble the data is unsure of ("Esson" is probably Essonne): the note that says why. */
  doubt: Note | null;
}

/** A place the question names besides the partners it answers about, and how close it came to one. */
export interface Unmatched {
  name: string;
  resolution: Resolution;
}

export interface Detection {
  /** The question as read: with a Chinese typo corrected, when one was. */
  question: string;
  intent: Intent;
  entities: Entities;
  readings: Reading[];
  /** Places named that are no partner: the answer says so rather than drop them. */
  unmatched: Unmatched[];
}

/** The most cities one answer covers ("Duisburg and Manchester"); more would drown the answer. */
const MAX_CITIES = 3;

/**
 * A Chinese name one character away from exactly one partner's Chinese name ("杜依斯堡", "曼彻斯待")
 * is read as that partner, as an English typo is ("Pittsburg"): the question is read again with the
 * name corrected, and the answer says what it read.
 */
export function detectIntent(question: string, resolver: Resolver, cities: readonly City[] = []): Detection {
  const first = detectOnce(question, resolver, cities);
  const candidates = [...(first.intent.kind === 'notPartner' ? [first.intent] : []), ...first.unmatched];
  for (const { name, resolution } of candidates) {
    const city = hanTypoOf(name, resolution, cities, first.entities.country?.code) ?? closeReadingOf(resolution);
    const at = question.indexOf(name);
    if (!city || at < 0) continue;
    const corrected = `${question.slice(0, at)}${city.names.zh ?? city.names.en}${question.slice(at + name.length)}`;
    const again = detectOnce(corrected, resolver, cities);
    if (!('cities' in again.intent) || !again.intent.cities.some((c) => c.id === city.id)) continue;
    const reading: Reading = { typed: name, city, as: 'typo', doubt: null };
    return {
      ...again,
      question: corrected,
      readings: [reading, ...again.readings.filter((r) => r.city.id !== city.id)],
    };
  }
  return first;
}

const CITY_SUFFIX = /市$/;

/**
 * A misspelling the resolver reads as one partner ("科帕沃格尔" for Kópavogur): one close, unique
 * reading is answered, and the answer says what it read. The start of a name ("Sankt", "格拉茨" for
 * Graz District II) may be another place: that stays a "did you mean".
 */
function closeReadingOf(resolution: Resolution): City | null {
  return resolution.kind === 'match' && resolution.via === 'fuzzy' ? resolution.city : null;
}

/**
 * The one partner whose Chinese name (or Chinese alias) differs from `name` in exactly one character:
 * among the resolver's suggestions, or among all partners when it has none ("毕什凯克").
 */
function hanTypoOf(name: string, resolution: Resolution, all: readonly City[], country?: string): City | null {
  if (!hasHan(name)) return null;
  const typed = [...name.replace(CITY_SUFFIX, '')];
  // Two characters one off fit too many names (大阪 for 大分); with the country named ("清洲市(韩国那个)")
  // only that country's partners are candidates.
  if (typed.length < 2 || (typed.length === 2 && !country)) return null;
  const inCountry = typed.length === 2 ? all.filter((c) => c.country.code === country) : null;
  const close =
    inCountry ??
    (resolution.kind === 'match'
      ? [resolution.city]
      : resolution.kind === 'ambiguous'
        ? resolution.candidates
        : resolution.suggestions.length
          ? resolution.suggestions
          : all);
  const fits = close.filter((city) =>
    [city.names.zh ?? '', ...city.aliases.filter((a) => a.kind === 'zh').map((a) => a.text)].some((zh) => {
      const known = [...zh.replace(CITY_SUFFIX, '')];
      return known.length === typed.length && known.filter((ch, i) => ch !== typed[i]).length === 1;
    }),
  );
  return fits.length === 1 && fits[0]!.names.zh ? fits[0]! : null;
}

function detectOnce(question: string, resolver: Resolver, cities: readonly City[]): Detection {
  if (!/[\p{L}\p{N}]/u.test(question))
    return {
      question,
      intent: { kind: question ? 'noWords' : 'empty' },
      entities: NO_ENTITIES,
      readings: [],
      unmatched: [],
    };
  const lower = question.toLowerCase();
  const zh = hasHan(question);
  const entities = findEntities(question, lower, resolver, cities);
  // Tier names contain words that are cues elsewhere ("exchange" is not cooperation, "friendship city"
  // is not a list request): the cues below read the question with them blanked out.
  const exchangeNamed = CUES.exchangeTier.en.test(lower) || CUES.exchangeTier.zh.test(question);
  const bareLower = lower.replace(new RegExp(CUES.exchangeTier.en.source, 'g'), ' ');
  const bareQuestion = question.replace(new RegExp(CUES.exchangeTier.zh.source, 'g'), ' ');
  const has = (cue: CueName) => CUES[cue].en.test(bareLower) || CUES[cue].zh.test(bareQuestion);
  // "友好城市和友好交流城市": both tiers asked for, so the answer is not narrowed to the exchange tier.
  const exchangeTier =
    exchangeNamed && !has('friendshipTier') && !/\b(including|as well as|also|too)\b|包括|包含|以及|也/i.test(question);
  // Questions about the tiers themselves need the tier names left in.
  const hasWhole = (cue: CueName) => CUES[cue].en.test(lower) || CUES[cue].zh.test(question);
  // Hubei named and Wuhan not: the question is about the province, whose partners the data lacks.
  const province = /\bhubei\b|湖北/i.test(question) && !/\bwuhan|武汉/i.test(question);
  const decided = withAnniversary(
    decide({ question, zh, entities, exchangeTier, has, hasWhole, province }, resolver),
    question,
  );
  const { intent, unmatched } = checkPlaces(decided, question, entities, resolver);
  return { question, intent, entities, readings: readings(entities, intent), unmatched };
}

const NO_ENTITIES: Entities = {
  cities: [],
  mentions: [],
  named: [],
  country: null,
  continents: [],
  region: null,
  regionOf: [],
  period: null,
  asOfYear: null,
  topics: [],
};

/** Answers about the data itself, where a name is a source or a figure rather than a place asked about. */
const ABOUT_DATA = new Set<Intent['kind']>([
  'empty',
  'noWords',
  'province',
  'person',
  'sources',
  'tiers',
  'rank',
  'decades',
  'notPartner',
  'elsewhere',
  'people',
  'names',
]);
/** Answers that say "I don't know": a place named stays unanswered, but the answer says it is no partner. */
const KEEPS_UNKNOWN = new Set<Intent['kind']>(['offTopic', 'betweenPartners']);

/**
 * A place the question names that is no partner is never dropped: with no partner named the answer
 * becomes "X is not one of Wuhan's partners" (as "Is X a sister city?" gets); beside partners it is
 * said in one more line. Names the resolver reads exactly are partners after all and left to it.
 */
function checkPlaces(
  intent: Intent,
  question: string,
  entities: Entities,
  resolver: Resolver,
): { intent: Intent; unmatched: Unmatched[] } {
  if (ABOUT_DATA.has(intent.kind)) return { intent, unmatched: [] };
  const named = 'cities' in intent ? intent.cities : [];
  const places = namedPlaces(question, entities)
    .filter((p) => !named.length || p.joined)
    // A candidate holding a partner's name ("曼谷相距") is that partner plus words, not another place.
    .filter((p) => !entities.mentions.some((m) => p.name.includes(m.text)) && !resolver.findInText(p.name).length)
    .map((p) => ({ name: p.name, resolution: resolver.resolve(p.name) }))
    .filter(
      (p) =>
        !(p.resolution.kind === 'match' && p.resolution.via === 'exact') && isRecognisedPlace(p.name, p.resolution),
    );
  const first = places[0];
  if (!first) return { intent, unmatched: [] };
  if (!named.length && !KEEPS_UNKNOWN.has(intent.kind)) {
    // "Is Nagoya a sister city?": the partners in the country the place is in, as if the question named it.
    const country = entities.country ?? countryOfPlace(first.name, resolver) ?? undefined;
    return {
      intent: { kind: 'notPartner', ...first, ...(country ? { country } : {}) },
      unmatched: places.slice(1, MAX_CITIES),
    };
  }
  return { intent, unmatched: places.slice(0, MAX_CITIES) };
}

/** Mentions that are a typo ("Duisberg") or a garbled name ("Dacha"): the answer names what it read. */
function readings(entities: Entities, intent: Intent): Reading[] {
  if (!('cities' in intent)) return [];
  const answered = new Set(intent.cities.map((c) => c.id));
  return entities.mentions
    .filter((m) => answered.has(m.city.id) && (!m.exact || m.garbled || m.region))
    .map((m) => ({
      typed: m.text,
      city: m.city,
      as: m.region ? 'region' : m.exact ? 'garbled' : 'typo',
      doubt: m.exact ? garbleDoubt(m.city, m.text) : null,
    }));
}

const DOUBT =
  /\b(probably|possibly|perhaps|may|might|unclear|unresolved|uncertain|not certain|not verified|unverified)\b/i;

/** A caveat that quotes the garbled name and hedges what it stands for. */
function garbleDoubt(city: City, typed: string): Note | null {
  const quoted = new RegExp(`(?<![\\p{L}])${typed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu');
  return city.caveats.find((n) => quoted.test(n.text) && DOUBT.test(n.text)) ?? null;
}

interface Clues {
  question: string;
  zh: boolean;
  entities: Entities;
  exchangeTier: boolean;
  has: (cue: CueName) => boolean;
  hasWhole: (cue: CueName) => boolean;
  province: boolean;
}

// "Who was Werner Gerich?", "Grisch是谁": the name asked about. "Who signed" is answered before this.
const WHO_EN = /^\s*who(?:'s| is| was| were| are)\s+(.+?)[\s?!.]*$/i;
const WHO_ZH = /^\s*(?:谁是|请问)?\s*(.+?)\s*(?:是谁|是什么人|是何人)(?:[？?！!。，,]|$)|^\s*谁是\s*(.+?)[？?！!。]*$/u;

// "What did Bill Peduto do?": a person's deeds, looked up the same way.
const WHAT_DID = /^\s*what (?:did|does|has|had) (.+?) (?:do|done|say|said)\b/i;

function askedPerson(question: string): string | null {
  const m = question.match(WHO_EN) ?? question.match(WHO_ZH) ?? question.match(WHAT_DID);
  const name = (m?.[1] ?? m?.[2])?.trim();
  // "Who are Wuhan's sister cities?" asks for the list, not a person.
  if (!name || /\b(sister|twin|partner|friendship|cit(y|ies)|wuhan)\b|友城|友好城市|城市|武汉/i.test(name)) return null;
  return name;
}

/**
 * Ties that are only a memorandum or a letter of intent. Not a cue of the lexicon: the word stays
 * unexplained elsewhere, so "what did Manchester sign a memorandum about" finds the sentence.
 */
const MEMORANDA = /\b(memorand(um|a|ums)|mous?|letters? of intent|declarations? of intent)\b|备忘录|意向书|意向声明/i;

const BETWEEN_PARTNERS =
  /\b(?:twinned|paired|partnered|sister[- ]cit(?:y|ies)|twin[- ]cit(?:y|ies)|twins)\s+(?:with|of|to)\b/i;
const TWO_ASKED =
  /\b(and|&|also|plus)\b.{0,20}\b(what (do|does|did)|work(ed)? on|cooperat\w*|projects?)\b|[，,]?(还有|以及|和|另外).{0,8}(合作|做了什么|有什么项目|哪些方面)/i;
const MONEY =
  /总额|金额|多少钱|亿元|万元|\bhow much money\b|\b(?:trade )?value\b|\bworth\b|\b(?:yuan|dollars?|euros?|rmb)\b/i;
const MONTH =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b|(?<!\d)(1[0-2]|[1-9])月/i;
const POSITION_ASKED =
  /\b(?:what|which) (?:number|position|place in (?:the )?order)\b|\bhow manyth\b|第几(?:个|座|位)/i;
const SIGNED_WHERE = /\bwhere\b.{0,40}\bsign(ed|ing)?\b|在哪(里|儿)?.{0,4}签|哪里签|何处签|在什么地方签/i;
const ASKS_WHAT =
  /^\s*(what|which)\b|\bwhat did .{0,30}\bsign|签了什么|签过什么|签的什么|签署了什么|什么协议|什么备忘录/i;

export type Anniversary = { kind: 'nth'; n: number } | { kind: 'at'; year: number };

const ANNIVERSARY_N =
  /(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*周年(?!是?多少|是?几)|\b(\d{1,3})(?:st|nd|rd|th) anniversary\b|\b(tenth|twentieth|twenty-fifth|thirtieth|fortieth|fiftieth) anniversary\b/i;
const ANNIVERSARY_AT =
  /(?:到|在|截至)\s*((?:19|20)\d\d)\s*年?.{0,6}(?:多少|几)\s*周年|\b(?:by|in) ((?:19|20)\d\d)\b.{0,30}\b(?:which|what|how many(?: years)?) anniversary|\bhow many years (?:old )?(?:by|in|as of|at) ((?:19|20)\d\d)\b|\bhow many years\b.{0,60}\b(?:by|in|as of) ((?:19|20)\d\d)\b|(?:几|多少)\s*年.{0,12}(?:到|截至)\s*((?:19|20)\d\d)/i;
const ANNIVERSARY_DATE =
  /\banniversary (?:date|day)\b|\bwhen is (?:the|their|our) anniversary\b|周年纪念日|纪念日是哪天/i;
const ANNIVERSARY_WORDS: Record<string, number> = {
  tenth: 10,
  twentieth: 20,
  'twenty-fifth': 25,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
};

/** "萨拉托夫十周年是哪年", "到2022年是多少周年": the date's answer, with the year worked out. */
function withAnniversary(intent: Intent, question: string): Intent {
  // "What's the Cheongju–Wuhan anniversary date?": the date of the tie, whatever else the words suggest.
  const aboutOne =
    intent.kind === 'established' || intent.kind === 'city' || (intent.kind === 'first' && intent.of !== undefined);
  if ((aboutOne || intent.kind === 'cooperation') && intent.cities.length && ANNIVERSARY_DATE.test(question))
    return { kind: 'established', cities: intent.cities };
  if (!aboutOne || !intent.cities.length) return intent;
  const at = question.match(ANNIVERSARY_AT);
  if (at)
    return {
      kind: 'established',
      cities: intent.cities,
      anniversary: { kind: 'at', year: Number(at[1] ?? at[2] ?? at[3] ?? at[4] ?? at[5]) },
    };
  const nth = question.match(ANNIVERSARY_N);
  if (!nth) return intent;
  const n = nth[1]
    ? /^\d+$/.test(nth[1])
      ? Number(nth[1])
      : chineseNumber(nth[1])
    : nth[2]
      ? Number(nth[2])
      : ANNIVERSARY_WORDS[nth[3]!.toLowerCase()]!;
  return Number.isFinite(n) && n > 0
    ? { kind: 'established', cities: intent.cities, anniversary: { kind: 'nth', n } }
    : intent;
}

const COUNTS_OTHER =
  /\bhow many (?!(?:sister|twin|partner|partners|friendship|friendly|international|cities|city|towns|countries|more|new|are|were|is|was|does|do|did|has|have|had|in|of|on|at|from|by|there|total|overall|formal|official|listed|such|exchange)\b)[a-z]+|多少(?:人|名|位|个人|学生|工程师|医生|居民)|几(?:个人|名|位)/i;

const STILL_TRUE = /\bstill (?:true|the case|correct|right|so)\b|还是最新|现在还是|还对吗|还是这样/i;
/** "我在清州留学，清州和武汉是姐妹城市吗？": a partner check, whatever topic the context names. */
const IS_IT_A_PARTNER =
  /是(?:不是)?.{0,6}(?:姐妹城市|友好城市|友城)吗|\b(?:is|are)\b.{0,40}\b(?:sister|twin|partner) cit(?:y|ies)\b.{0,12}\?/i;

const COUNT_CLAIMED =
  /\bwuhan (?:has|had) (?:like |about |around |over |almost |nearly |more than )?\d+ (?:sister|twin|partner|friendship)|武汉有\d+个(?:友城|友好城市|姐妹城市|国际友城)/i;

const SIGNING = /\bsign(?:ed|ing|s)?\b|签约|签署|签字|签协议|签的/i;

const DECADES_ASKED =
  /\b(which|what) decade\b|\bdecades?\b.{0,40}\b(most|more|busiest)\b|\b(most|more)\b.{0,40}\bdecades?\b|哪个年代|哪一个?年代|哪个十年|哪些年代.{0,8}最多/i;

/** A span of years between two ties asked for. */
const YEARS_BETWEEN =
  /\b(years? (between|apart|after|before|later|earlier|separat)|how (many years|long) (after|before|between|passed|separat|later|earlier))|相隔|相差|间隔|隔了|差了?几年|差了?多少年|晚了?几年|晚了?多少年|早了?几年|早了?多少年/i;

/** "manchester和武汉有啥官方联系吗 除了都下雨": the tie itself is asked about, the weather is a joke. */
const OFFICIAL_TIE =
  /\b(official(ly)? (tie|link|relation\w*|connection)s?|(tie|link|connection)s? with wuhan)\b|官方.{0,2}(联系|关系|往来)|有(啥|什么)(联系|关系|往来)/i;

/** Words that leave the partner right after them out of the question ("other than Ōita", "除了清州"). */
const LEAVING_OUT = /(?:\bother than|\bexcept(?: for)?|\bbesides|\bapart from|\bexcluding|除了|除去)\s*$/i;

function decide(clues: Clues, resolver: Resolver): Intent {
  const left = leftOut(clues);
  if (left.length) {
    // "The oldest sister city in Asia other than Ōita": the question is about the others, in scope.
    const rest = clues.entities.cities.filter((c) => !left.includes(c));
    const entities = { ...clues.entities, cities: rest };
    const has = (cue: CueName) => cue !== 'outside' && clues.has(cue);
    const intent = decideWith({ ...clues, entities, has }, resolver);
    const scope = 'scope' in intent ? { ...intent.scope, except: left } : null;
    const country = left[0]!.country;
    // "韩国除了清州还有哪些": the others in that partner's country when no other place is named.
    if (scope && intent.kind === 'list' && !scope.country && !scope.continents && !scope.region)
      return { ...intent, scope: { ...scope, country: { code: country.code, name: country.name, zh: country.zh } } };
    if (scope) return { ...intent, scope } as Intent;
    if (!rest.length && (has('list') || has('relation')))
      return {
        kind: 'list',
        scope: { country: { code: country.code, name: country.name, zh: country.zh }, except: left },
      };
    return intent;
  }
  return decideWith(clues, resolver);
}

/** The partners named right after "other than", "除了"... */
function leftOut(clues: Clues): City[] {
  return clues.entities.mentions
    .filter((m) => {
      const at = clues.question.indexOf(m.text);
      return at >= 0 && LEAVING_OUT.test(clues.question.slice(0, at));
    })
    .map((m) => m.city);
}

function decideWith(clues: Clues, resolver: Resolver): Intent {
  const { entities, exchangeTier, has, hasWhole } = clues;
  // "巴西的圣路易斯（Sao Luis，不是美国那个）": of two partners a name could be, the one in the country named.
  const namedCountry = entities.country;
  // A partner placed in its own country by the question stays ("韩国的清州和日本的大分").
  const placedInOwn = (city: City) =>
    entities.mentions.some(
      (m) =>
        m.city.id === city.id &&
        (clues.question.includes(`${city.country.zh}的${m.text}`) ||
          clues.question.toLowerCase().includes(`${city.country.name.toLowerCase()} ${m.text.toLowerCase()}`) ||
          clues.question.toLowerCase().includes(`${city.country.name.toLowerCase()}'s ${m.text.toLowerCase()}`)),
    );
  const inCountry = namedCountry
    ? entities.cities.filter((c) => c.country.code === namedCountry.code || placedInOwn(c))
    : [];
  const cities = (inCountry.length && inCountry.length < entities.cities.length ? inCountry : entities.cities).slice(
    0,
    MAX_CITIES,
  );
  const named = cities.length > 0;
  const scope = scopeOf(entities, exchangeTier, has('outside'));
  const scoped =
    scope.country !== undefined ||
    scope.continents !== undefined ||
    scope.region !== undefined ||
    scope.period !== undefined;

  if (cities.length > 1 && BETWEEN_PARTNERS.test(clues.question) && !/wuhan|武汉/i.test(clues.question))
    return { kind: 'betweenPartners', cities };
  // "Between Swansea and Izhevsk, who signed with Wuhan first?": an order, not the signers.
  if (cities.length > 1 && has('signatories') && (has('compareEarlier') || has('compareLater') || has('first')))
    return { kind: 'compare', cities, order: has('compareLater') && !has('compareEarlier') ? 'later' : 'earlier' };
  // "When was it signed, and by whom?": the date's answer, whose notes name the signers where known.
  // "Who signed for Kópavogur when they twinned?": "who" asks for the people, "when" only places them.
  if (has('signatories'))
    return named && has('whenAsked') && !/^\s*who\b|是谁/i.test(clues.question)
      ? { kind: 'established', cities }
      : { kind: 'signatories', cities };
  // "匹兹堡是武汉第几个友好城市": the partner's place in date order.
  // "Ōita was Wuhan's second sister city, correct?": the partner's real place answers it, not "yes".
  const ordinal = ordinalOf(clues.question);
  const positionAsked =
    POSITION_ASKED.test(clues.question) || (ordinal > 1 && (has('relation') || has('partnerCheck')));
  if (cities.length === 1 && positionAsked && !/hubei|province|湖北|省/i.test(clues.question))
    return { kind: 'first', scope, cities, position: 0, of: cities[0] };
  if (named && has('names')) return { kind: 'names', cities, want: nameForm(clues.question) };
  // "How many years between Wuhan's first sister city and Bangkok?": the first (or latest) is the other side.
  if (cities.length === 1 && YEARS_BETWEEN.test(clues.question) && (has('first') || has('latest')))
    return { kind: 'compare', cities, order: 'earlier', against: has('first') ? 'first' : 'latest' };
  if (
    cities.length > 1 &&
    (has('compareEarlier') ||
      has('compareLater') ||
      has('first') ||
      has('latest') ||
      YEARS_BETWEEN.test(clues.question))
  ) {
    return { kind: 'compare', cities, order: has('compareLater') && !has('compareEarlier') ? 'later' : 'earlier' };
  }
  // A partner's mayor in the tie's history ("which Bordeaux mayor led the delegation", "博伦厄市长叫啥，
  // 2017年和万勇见面那个") is in the notes; today's ("who is the mayor of…") never is, and the answer
  // says so before the mayors the notes do name.
  // "Which Christchurch mayor signed the agreement?", "签约的时候恩德培市长叫啥": who signed.
  if (named && has('mayor') && SIGNING.test(clues.question)) return { kind: 'signatories', cities };
  if (named && has('mayor') && !has('count')) return { kind: 'people', cities, role: 'mayor', today: asksToday(clues) };
  if (!named && clues.province) return { kind: 'province' };
  // "Is Chungcheongbuk-do a sister of Wuhan?": a partner's province is no partner; the answer says so,
  // with what the partner's sentences say of the province.
  const [region] = entities.regionOf;
  if (!named && region && (has('partnerCheck') || has('relation')))
    return { kind: 'notPartner', name: region.text, resolution: { kind: 'none', suggestions: [] } };
  if (!named) {
    const person = askedPerson(clues.question);
    if (person) return { kind: 'person', name: person };
  }
  // "The Pittsburgh mayor said Wuhan had how many sister cities": a mayor beside a partner is no topic
  // of its own; the rest of the question decides.
  // "When did Manchester twin with Wuhan? doing a uni essay": beside a partner and a question the data
  // answers, an off-topic word is the asker's context.
  if (
    has('offTopic') &&
    !(named && (onlyMayor(clues) || has('whenAsked') || has('cooperation') || OFFICIAL_TIE.test(clues.question))) &&
    !/circle of friends|朋友圈/i.test(clues.question)
  )
    return { kind: 'offTopic', cities };
  if (has('distance'))
    return {
      kind: 'distance',
      cities,
      scope,
      extreme: has('farthest') ? 'farthest' : has('closest') ? 'closest' : null,
    };
  const country = scope.country;
  if (named && country && !scope.outside && cities.every((c) => c.country.code !== country.code))
    return { kind: 'elsewhere', cities, country, when: has('when') || has('whenAsked') || has('howLong') };
  // "Two sources give different years for Kópavogur: which is right?": the date's answer gives both, each
  // with its source.
  if (named && has('sources') && /\b(years?|dates?)\b|年份|日期|哪年|哪一年/i.test(clues.question))
    return { kind: 'established', cities };
  if (has('sources')) {
    const figures = [...clues.question.matchAll(/\d+/g)].map((m) => Number(m[0]));
    return {
      kind: 'sources',
      cities,
      about: !named && (has('count') || figures.length > 0) ? 'totals' : 'general',
      figures,
    };
  }
  if (has('rank')) return { kind: 'rank' };
  // "Which decade did Wuhan get most of its sister cities, 2000s or 2010s?", "哪个年代结的友城最多".
  if (!named && DECADES_ASKED.test(clues.question)) return { kind: 'decades' };
  // "How many in Europe vs Asia?": continents set against each other, which the by-country count breaks down.
  if (!named && entities.continents.length >= 2 && hasWhole('tierDifference'))
    return { kind: 'countries', most: false };
  if (
    !named &&
    (hasWhole('tierDefinition') ||
      (hasWhole('tierDifference') &&
        (hasWhole('exchangeTier') || /sister|twin|姐妹/.test(clues.question.toLowerCase()))))
  )
    return { kind: 'tiers' };
  // "Which country has the most sister cities?": the top of the by-country count.
  if (!named && has('most') && !has('latest') && (has('countries') || /\bcountry\b/.test(clues.question.toLowerCase())))
    return { kind: 'countries', most: true };
  if (has('landmarks'))
    return {
      kind: 'landmarks',
      cities,
      ...(!named && scope.country && !scope.outside ? { country: scope.country } : {}),
    };
  // "Bangkok is the newest sister city, still true?": the newest is the answer, "still" a check of it.
  if (has('latest') && STILL_TRUE.test(clues.question) && !has('ended')) return { kind: 'latest', scope, cities: [] };
  // "When did Kiev twin with Wuhan? still the USSR then?": a date asked, "still" aside.
  if (has('status') && (named || !has('count') || has('ended')) && !(named && has('whenAsked') && !has('ended')))
    return { kind: 'status', cities };
  // "Which cities only signed a memorandum?": the tiers answer names them, apart from the partners.
  if (!named && MEMORANDA.test(clues.question) && (has('list') || has('count'))) return { kind: 'tiers' };
  // "Where was the Bangkok agreement signed?": the date's notes say where, where the sources do.
  if (named && SIGNED_WHERE.test(clues.question)) return { kind: 'established', cities };
  // "When did Wuhan twin with Ōita and what do they do together?": two questions, which the city's
  // card (its date, then what the cities do) answers both of.
  if (named && has('whenAsked') && TWO_ASKED.test(clues.question)) return { kind: 'city', cities };
  // "什么时候签的协议": a date is asked for, though "协议" (agreement) is a cooperation word.
  if (named && has('whenAsked') && !entities.topics.length) return { kind: 'established', cities };
  if (named && IS_IT_A_PARTNER.test(clues.question) && !has('cooperation')) return { kind: 'partner', cities };
  if (has('cooperation') || (named && entities.topics.length > 0 && !has('when')))
    return {
      kind: 'cooperation',
      cities,
      topic: entities.topics[0] ?? null,
      ...(!named && scope.country && !scope.outside ? { country: scope.country } : {}),
    };
  if (!named && has('undated')) return { kind: 'undated', scope };
  const position = ordinalOf(clues.question);
  if (!named && (Number.isNaN(position) || position > 1) && (has('relation') || has('list'))) {
    // A position it cannot read is not guessed at: "the twenty-tenth" gets "I don't know".
    return Number.isNaN(position) ? { kind: 'notUnderstood' } : { kind: 'first', scope, cities, position };
  }
  // "First" and "latest" alone ("the latest news") are not about partners: a partner word must be there.
  const aboutPartners = named || scoped || exchangeTier || has('relation') || has('list');
  // With one partner named, "first" asks for Wuhan's first sister city only beside a partner word and no
  // "when" ("Was Duisburg Wuhan's first sister city?"); "Duisburg's first representative" or "when did
  // Bangkok first sign" are about that partner, never a cue to answer with Ōita instead.
  const firstOfAll =
    has('first') && aboutPartners && (!named || (has('relation') && !has('when') && !has('whenAsked')));
  if (firstOfAll || (!named && has('start') && (has('when') || has('relation'))))
    return { kind: 'first', scope, cities, position: 1 };
  if (has('latest') && aboutPartners && !has('count') && !has('history')) {
    // "The latest as of 2019" asks about ties up to that year: São Paulo (2025) is not the answer then.
    const asOf = entities.asOfYear;
    const dated = asOf && !scope.period ? { ...scope, period: { kind: 'range' as const, range: { to: asOf } } } : scope;
    return { kind: 'latest', scope: dated, cities };
  }
  // "What did Manchester and Wuhan sign a memorandum about?": "sign" without "when" asks what, not when.
  if (named && (has('when') || has('howLong')) && (has('whenAsked') || !ASKS_WHAT.test(clues.question)))
    return { kind: 'established', cities };

  // "Wuhan friendship cities October 2019", "2019年10月武汉和多少个国家的城市结好": a month and a year
  // date a count as published, not the ties made in that year.
  if (!named && scope.period?.kind === 'year' && MONTH.test(clues.question) && !scope.country && !scope.continents)
    if (has('count') || (has('relation') && !has('list') && !has('added')))
      return { kind: 'totalsInYear', year: scope.period.year };
  // "How many residents did the landfill serve?": a count of something else than partners, which the
  // sentences may hold.
  if (
    !named &&
    has('count') &&
    COUNTS_OTHER.test(clues.question) &&
    !has('relation') &&
    !has('countries') &&
    !scoped &&
    !entities.country
  )
    return { kind: 'notUnderstood' };
  // "How long has Wuhan had sister cities?": since its first.
  if (!named && has('howLong') && has('relation') && !has('count'))
    return { kind: 'first', scope, cities, position: 1 };
  // "Pittsburgh's mayor said Wuhan has 20 sister cities: right?": a count claimed, whoever claimed it.
  if (has('count') && COUNT_CLAIMED.test(clues.question)) return { kind: 'totals', focus: 'history' };
  // "签约总额多少", "how much money": a sum of money, not a count of cities.
  if (has('count') && MONEY.test(clues.question)) return named ? { kind: 'city', cities } : { kind: 'notUnderstood' };
  if (has('count')) {
    if (scope.country || scope.continents || scope.region) return { kind: 'list', scope };
    // "How much did Ōita donate in 1998": a figure about the partner named, which its sentences hold;
    // Wuhan's totals of that year are not the answer.
    if (named) return { kind: 'city', cities };
    if (scope.period) {
      if (scope.period.kind === 'year' && !has('added')) return { kind: 'totalsInYear', year: scope.period.year };
      return { kind: 'list', scope };
    }
    if (has('countries') || has('continents')) return { kind: 'countries', most: false };
    if (!named && entities.asOfYear) return { kind: 'totalsInYear', year: entities.asOfYear };
    if (!named) return { kind: 'totals', focus: exchangeTier ? 'exchange' : has('history') ? 'history' : 'current' };
  }
  if (scoped && !named) return { kind: 'list', scope };
  if (!named && (has('countries') || has('continents')) && (has('list') || has('relation')))
    return { kind: 'countries', most: has('most') };
  if (!named && has('history') && has('relation')) return { kind: 'totals', focus: 'history' };
  if (named) return has('partnerCheck') ? { kind: 'partner', cities } : { kind: 'city', cities };

  // No known partner named, yet the question is about one: "Is Paris a sister city of Wuhan?"
  if (has('relation') && (has('partnerCheck') || has('when'))) {
    const asked = askedPlace(clues, resolver);
    if (asked) return asked;
  }
  if (exchangeTier && !has('when')) return { kind: 'list', scope };
  if (has('overview') || (has('relation') && has('list'))) return { kind: 'list', scope };
  return { kind: 'notUnderstood' };
}

// Words that put a question in the tie's history: a past tense, a year, an event.
const PAST =
  /\b(was|were|did|had|led|signed|visited|met|when|then|at the time|\d{4})\b|时任|当时|那时|\d{4}|年|签|访|见面|会面|去了|来了|率|带队|期间|时候|时的|[好约交]时|结好的|建交的|代表/i;
const PRESENT = /\bwho(?:'s| is| are)\b|\bwhat(?:'s| is) (?:the )?name\b|是谁|叫什么|叫啥|是哪位/i;

/** "Who is the mayor of Pittsburgh", "加拉茨现在的市长叫什么": today's office holder, which no source records. */
function asksToday(clues: Clues): boolean {
  return clues.has('today') || (PRESENT.test(clues.question) && !PAST.test(clues.question));
}

function onlyMayor(clues: Clues): boolean {
  // "喀土穆是哪个国家的首都": the partner's card says which country it is in.
  const rest = clues.question.toLowerCase().replace(/\bmayors?\b|市长|\bcapital of\b|首都/g, ' ');
  return !CUES.offTopic.en.test(rest) && !CUES.offTopic.zh.test(rest);
}

/** Which form of a name a "what is X called" question asks for; null when it names none. */
function nameForm(question: string): NameForm | null {
  if (/\b(article|machine[- ]?translat\w*|2019)\b|文章|机翻|机器翻译|2019/i.test(question)) return 'article';
  if (/chinese|mandarin|中文|汉语|华语|汉字|中国人/i.test(question)) return 'zh';
  if (/english|英文|英语/i.test(question)) return 'en';
  if (
    /local|native|own language|people call|当地|本地|原名|母语|\bin (?!wuhan\b)[a-z]+(?:ian|ese|ish|sh|ch|an|ic|ek|ai)\b|\b[a-z]+(?:ian|ese|ish|sh|ch|an|ic|ek|ai) (?:name|spelling|letters|script)\b|[^中英]文|[^汉英]语/i.test(
      question,
    )
  )
    return 'native';
  return null;
}

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
};
const ZH_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十五 → 15, 二十三 → 23, 十 → 10; NaN for anything else (百 and beyond never name a sister city). */
function chineseNumber(text: string): number {
  const match = text.match(/^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/);
  if (!match || !text) return Number.NaN;
  const [, tens, ten, units] = match;
  if (!ten) return tens && !units ? ZH_DIGITS[tens]! : Number.NaN;
  return (tens ? ZH_DIGITS[tens]! : 1) * 10 + (units ? ZH_DIGITS[units]! : 0);
}

/**
 * The position a question asks for in date order: 2 for "second" / "2nd" / "第二个", 15 for
 * "fifteenth" / "第十五个"; 1 when it names none; NaN when it names one this cannot read.
 */
function ordinalOf(question: string): number {
  const en = question.toLowerCase().match(CUES.ordinal.en);
  if (en) {
    if (en[3]) return Number(en[3]);
    const tens = en[1] ? (en[1].startsWith('twenty') ? 20 : 30) : 0;
    const unit = ORDINAL_WORDS[en[2]!]!;
    return tens && unit >= 10 ? Number.NaN : tens + unit;
  }
  const zh = question.match(CUES.ordinal.zh);
  if (zh) return /^\d+$/.test(zh[1]!) ? Number(zh[1]) : chineseNumber(zh[1]!);
  return 1;
}

function scopeOf(entities: Entities, exchangeTier: boolean, outside: boolean): Scope {
  const scope: Scope = {};
  if (outside && (entities.country || entities.continents.length)) scope.outside = true;
  if (entities.country) scope.country = entities.country;
  if (entities.continents.length) scope.continents = entities.continents;
  if (entities.region) scope.region = entities.region;
  if (entities.period) scope.period = entities.period;
  if (exchangeTier) scope.tier = 'exchange';
  return scope;
}

/**
 * The place a question asks about when the resolver found no partner inside it. A name the resolver
 * matches exactly is a partner after all; a close one is only offered as "did you mean".
 */
function askedPlace(clues: Clues, resolver: Resolver): Intent | null {
  const names = leftoverNames(clues.question, clues.zh);
  if (!names.length) return null;
  let fallback: Intent | null = null;
  for (const name of names) {
    const resolution = resolver.resolve(name);
    if (!isRecognisedPlace(name, resolution)) continue;
    if (resolution.kind === 'match' && resolution.via === 'exact') {
      const cities = [resolution.city];
      return clues.has('when') ? { kind: 'established', cities } : { kind: 'partner', cities };
    }
    if (resolution.kind !== 'none') return { kind: 'notPartner', name, resolution };
    const country = clues.entities.country ?? countryOfPlace(name, resolver);
    fallback ??= { kind: 'notPartner', name, resolution, ...(country ? { country } : {}) };
  }
  return fallback;
}
