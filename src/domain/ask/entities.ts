// The things a question names: partner cities (through the resolver), a country, continents, years,
// cooperation topics, and, when no known city is named, the place name the user typed.
import type { City, Continent, Topic } from '../../data/types.js';
import { compact, fold, foldWithOffsets, worldCountryForms } from '../text.js';
import { gazetteerCountry, isGazetteerPlace } from './gazetteer.js';
import type { CityMention, Resolver } from '../resolution.js';
import type { YearRange } from '../facts/timeline.js';
import {
  CONTINENT_WORDS,
  EN_FILLER,
  REGION_WORDS,
  type Region,
  TOPIC_WORDS,
  ZH_FILLER,
  ZH_NOT_A_NAME,
} from './lexicon.js';

export interface Mention {
  city: City;
  text: string;
  /** False when the text is none of the city's names, only close to one (a typo). */
  exact: boolean;
  /** The text is a machine-translation garble of the name (the 2019 article's "Dacha" for Ōita). */
  garbled: boolean;
  /** The text names the partner's province, state or region ("Ontario" for Markham), not the partner. */
  region: boolean;
}

export interface Entities {
  /** Partner cities named in the question, first mention first, each once. */
  cities: City[];
  mentions: Mention[];
  /** Where the question names a partner, a continent or the country found: not places to look up again. */
  named: (readonly [number, number])[];
  country: CountryRef | null;
  continents: Continent[];
  /** A region of several countries ("Latin America", "北欧"). */
  region: Region | null;
  /** Partners whose province or region the question names as itself ("Is Chungcheongbuk-do a sister of Wuhan?"), with the words it used. */
  regionOf: CityMention[];
  /** A single year, a decade or an open/closed range of years. */
  period: Period | null;
  /** "As of 2019" / "截至2019年": the year the question is dated to, which is not a period asked about. */
  asOfYear: number | null;
  topics: Topic[];
}

export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'decade'; from: number }
  | { kind: 'range'; range: YearRange };

export function periodRange(period: Period): YearRange {
  if (period.kind === 'year') return { from: period.year, to: period.year };
  if (period.kind === 'decade') return { from: period.from, to: period.from + 9 };
  return period.range;
}

/**
 * `lower`: the question lower-cased, which the English patterns read. `cities`: every partner, whose
 * provinces and states the question may name instead of the partner ("a sister city in Ontario").
 */
export function findEntities(
  question: string,
  lower: string,
  resolver: Resolver,
  allCities: readonly City[] = [],
): Entities {
  const byName = withShortHanNames(question, resolver.findInText(question), resolver);
  // "Hubei and North Chungcheong": the province named beside Hubei is the province's own tie.
  const regionsAsked = !/\bhubei\b|湖北/i.test(question);
  const regions = regionsIn(question, allCities, byName);
  const inRegions = regionsAsked ? regions.placed : [];
  const regionOf = regions.named;
  const found = inRegions.length ? [...byName, ...inRegions].sort((a, b) => a.start - b.start) : byName;
  const cities: City[] = [];
  for (const m of found) if (!cities.some((c) => c.id === m.city.id)) cities.push(m.city);
  const mentions = found.map((m) => {
    const read = resolver.resolve(m.text);
    const key = compact(fold(m.text));
    return {
      city: m.city,
      text: m.text,
      exact: read.kind === 'match' && read.via === 'exact' && read.city.id === m.city.id,
      garbled: m.city.aliases.some((a) => a.kind === 'garbled' && compact(fold(a.text)) === key),
      region: inRegions.includes(m),
    };
  });
  // Continent names hold country names ("South America"): neither a city nor a country inside them counts.
  const taken = [...found.map((m) => [m.start, m.end] as const), ...continentSpans(question)];
  // "As of 2019" dates the question, it does not ask about ties made in 2019.
  const AS_OF =
    /\b(?:as of|as at|back in) (\d{4})\b|(?:截至|截止到?)\s*(\d{4})\s*年?(?:底|末)?|(\d{4})\s*年(?:的时候|那时候?|当时)/i;
  const asOf = question.match(AS_OF);
  // "The 2019 article says…": the year a text was written, not a year asked about.
  const WRITTEN_IN =
    /\b(?:19|20)\d\d(?: [\w.]+)? (?:article|piece|story|post)\b|(?:19|20)\d\d\s*年?的?(?:那篇|这篇)?(?:文章|报道|新闻稿)/gi;
  const withoutAsOf = question.replace(new RegExp(AS_OF.source, 'gi'), ' ').replace(WRITTEN_IN, ' ');
  const country = findCountry(question, resolver, taken);
  return {
    cities,
    mentions,
    named: [...taken, ...(country ? [[country.start, country.end] as const] : [])],
    country: country?.country ?? null,
    continents: findContinents(question, lower),
    region: findRegion(question, lower),
    regionOf,
    period: findPeriod(withoutAsOf, withoutAsOf.toLowerCase()),
    asOfYear: asOf ? Number(asOf[1] ?? asOf[2] ?? asOf[3]) : null,
    topics: TOPIC_WORDS.filter((w) => w.en.test(lower) || w.zh.test(question)).map((w) => w.topic),
  };
}

/** One way a partner's province, state or region is written, folded ("ontario", "忠清北道"). */
interface RegionForm {
  city: City;
  folded: string;
  /**
   * Chinese. Either way a form counts only where the question places a city in it ("in Ontario",
   * "Ontario's", "在宾夕法尼亚州", "忠清北道的"): "Canterbury" alone is also an English city.
   */
  han: boolean;
}

const regionForms = new WeakMap<readonly City[], RegionForm[]>();
// What is left of a region's name without these words is too vague to name it ("Capital", "Central").
const REGION_KIND = /\s+(province|county|region|oblast|prefecture|state|republic|city)$/i;
const VAGUE = new Set(['capital', 'central', 'north', 'south', 'east', 'west', 'lower', 'upper']);
const ZH_REGION_KIND = /(大区|省|州|县|道|区|共和国)$/u;

/**
 * The forms of each partner's region: every part of it ("Gironde, Nouvelle-Aquitaine", "Ontario (York
 * Region)"), without "Province" and the like where the rest is no partner's name ("Győr-Moson-Sopron"),
 * and its Chinese name with and without 省, 州, 道...
 */
function formsOf(cities: readonly City[]): RegionForm[] {
  let forms = regionForms.get(cities);
  if (forms) return forms;
  forms = [];
  const cityNames = new Set(cities.flatMap((c) => [c.names.en, c.names.native].map((n) => fold(n))));
  for (const city of cities) {
    const parts = (city.region ?? '')
      .split(/,|\(|\)/)
      .map((p) => p.trim())
      .filter(Boolean);
    for (const part of parts) {
      const bare = part.replace(REGION_KIND, '');
      for (const form of new Set([part, bare])) {
        const folded = fold(form);
        if (folded.length < 4 || VAGUE.has(folded) || cityNames.has(folded)) continue;
        // "York" of "York Region" is also a city (and half of New York): only the whole name counts.
        if (form !== part && isGazetteerPlace(form)) continue;
        forms.push({ city, folded, han: false });
      }
    }
    const zh = city.regionZh;
    if (zh && /\p{Script=Han}{3}/u.test(zh)) {
      for (const form of new Set([zh, zh.replace(ZH_REGION_KIND, '')])) {
        if ([...form].length >= 3 && !cityNames.has(fold(form))) forms.push({ city, folded: fold(form), han: true });
      }
    }
  }
  regionForms.set(cities, forms);
  return forms;
}

const REGION_BEFORE = /(?:\b(?:in|from|of|near|at|around|inside|within)\s+(?:the\s+)?)$/i;
const REGION_AFTER = /^(?:'s|’s|\s+(?:province|state|county|region|prefecture|oblast))\b/i;
const ZH_REGION_BEFORE = /(?:在|位于|来自|从)$/u;
const ZH_REGION_AFTER = /^(?:的|有|境内|里)/u;

/**
 * Partners named by their province, state or region, where no partner's own name stands, in one scan:
 * `placed` where the question puts a city in it ("a sister city in Ontario" → Markham, "宾夕法尼亚州的
 * 友城" → Pittsburgh); `named` wherever it stands, placed or not, when the question names no partner
 * ("Is Chungcheongbuk-do a sister of Wuhan?").
 */
function regionsIn(
  question: string,
  cities: readonly City[],
  found: CityMention[],
): { placed: CityMention[]; named: CityMention[] } {
  const placed: CityMention[] = [];
  const named: CityMention[] = [];
  if (!cities.length) return { placed, named };
  const { text, starts, ends } = foldWithOffsets(question);
  for (const form of formsOf(cities)) {
    let namedHere = named.some((m) => m.city.id === form.city.id);
    for (let at = text.indexOf(form.folded); at >= 0; at = text.indexOf(form.folded, at + 1)) {
      const endAt = at + form.folded.length;
      if (!form.han && (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[endAt] ?? ''))) continue;
      const start = starts[at]!;
      const end = ends[endAt - 1]!;
      const mention = { city: form.city, text: question.slice(start, end), start, end };
      if (!found.length && !namedHere) {
        named.push(mention);
        namedHere = true;
      }
      const [before, after] = [question.slice(0, start), question.slice(end)];
      // "忠清北道是武汉的友城吗" asks about the province itself; "忠清北道的哪个城市" about a city in it.
      const inIt = form.han
        ? ZH_REGION_BEFORE.test(before) || ZH_REGION_AFTER.test(after)
        : REGION_BEFORE.test(before) || REGION_AFTER.test(after);
      if (!inIt || [...found, ...placed].some((m) => start < m.end && m.start < end)) continue;
      placed.push(mention);
      break;
    }
  }
  return { placed, named };
}

/** Characters around a two-character Chinese name in a question ("曼谷离武汉多远", "武汉和大分合作"). */
const SHORT_NAME_BEFORE = new Set([...'和与跟同及或在是对到去从向往的、离距让把给和请问水灾']);
const SHORT_NAME_AFTER = new Set([...'离距到和与跟同及或合相有多在是的、市县省之间友结建什哪怎为呢吗么用叫说副']);
/** Only so much of a question is scanned for short names: questions are short, pastes are not. */
const MAX_SHORT_NAME_SCAN = 200;

/**
 * The resolver finds a two-character Chinese name (曼谷, 基辅, 大分, 清州) only beside a few characters;
 * questions put it beside more (离, 到, 合作, 相距...). Where such a character borders a two-character
 * window and the resolver reads that window exactly as a partner, it is a mention too.
 */
function withShortHanNames(question: string, found: CityMention[], resolver: Resolver): CityMention[] {
  const extra: CityMention[] = [];
  const limit = Math.min(question.length, MAX_SHORT_NAME_SCAN);
  const isHan = (ch: string | undefined) => ch !== undefined && /\p{Script=Han}/u.test(ch);
  for (let i = 0; i + 2 <= limit; i++) {
    if (!isHan(question[i]) || !isHan(question[i + 1])) continue;
    const before = question[i - 1];
    const after = question[i + 2];
    const leftFree = !isHan(before) || SHORT_NAME_BEFORE.has(before!);
    const rightFree = !isHan(after) || SHORT_NAME_AFTER.has(after!);
    if (!leftFree || !rightFree || (!isHan(before) && !isHan(after))) continue;
    if ([...found, ...extra].some((m) => i < m.end && m.start < i + 2)) continue;
    const text = question.slice(i, i + 2);
    if (text === '武汉') continue;
    const read = resolver.resolve(text);
    if (read.kind === 'match' && read.via === 'exact') extra.push({ city: read.city, text, start: i, end: i + 2 });
  }
  if (!extra.length) return found;
  return [...found, ...extra].sort((a, b) => a.start - b.start);
}

function continentSpans(question: string): (readonly [number, number])[] {
  const spans: (readonly [number, number])[] = [];
  for (const w of [...CONTINENT_WORDS, ...REGION_WORDS]) {
    for (const m of question.matchAll(new RegExp(w.en.source, 'gi'))) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

function findRegion(question: string, lower: string): Region | null {
  const found = REGION_WORDS.find((w) => w.en.test(lower) || w.zh.test(question));
  return found ? { id: found.id, codes: found.codes } : null;
}

function findContinents(question: string, lower: string): Continent[] {
  // "East Asia" is a region, not Asia as well.
  for (const w of REGION_WORDS) {
    lower = lower.replace(new RegExp(w.en.source, 'g'), ' ');
    question = question.replace(new RegExp(w.zh.source, 'g'), ' ');
  }
  const found: Continent[] = [];
  for (const w of CONTINENT_WORDS) {
    if (w.en.test(lower) || w.zh.test(question)) {
      for (const c of w.continents) if (!found.includes(c)) found.push(c);
    }
  }
  return found;
}

// Adjectives people use instead of country names ("German sister cities"), as ISO codes.
const DEMONYMS: Record<string, string> = {
  澳洲: 'AU',
  german: 'DE',
  japanese: 'JP',
  american: 'US',
  british: 'GB',
  english: 'GB',
  welsh: 'GB',
  french: 'FR',
  russian: 'RU',
  korean: 'KR',
  romanian: 'RO',
  ukrainian: 'UA',
  sudanese: 'SD',
  hungarian: 'HU',
  dutch: 'NL',
  austrian: 'AT',
  canadian: 'CA',
  swedish: 'SE',
  icelandic: 'IS',
  israeli: 'IL',
  turkish: 'TR',
  mexican: 'MX',
  chilean: 'CL',
  kyrgyz: 'KG',
  greek: 'GR',
  ugandan: 'UG',
  thai: 'TH',
  australian: 'AU',
  cambodian: 'KH',
  nepali: 'NP',
  nepalese: 'NP',
  italian: 'IT',
  spanish: 'ES',
  brazilian: 'BR',
  indian: 'IN',
  polish: 'PL',
  belgian: 'BE',
  swiss: 'CH',
  danish: 'DK',
  norwegian: 'NO',
  finnish: 'FI',
  egyptian: 'EG',
};

/** A country a question names: a partner country (with its dataset record) or any other one. */
export interface CountryRef {
  code: string;
  name: string;
  zh: string;
}

let countryForms: Map<string, string> | undefined;

/**
 * Every country's names (English, Chinese and common forms, from the resolver's text module), folded
 * and compacted → ISO code. Exact names only: the resolver's own country lookup also accepts prefixes
 * and typos, which in running text turns "new" into New Zealand and "the" into the Netherlands.
 */
function countryLexicon(): Map<string, string> {
  if (countryForms) return countryForms;
  countryForms = new Map();
  for (const [name, code] of worldCountryForms()) {
    const key = compact(fold(name));
    if (key && !countryForms.has(key)) countryForms.set(key, code);
  }
  for (const [word, code] of Object.entries(DEMONYMS)) if (!countryForms.has(word)) countryForms.set(word, code);
  return countryForms;
}

const englishRegion = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const chineseRegion = new Intl.DisplayNames(['zh-Hans'], { type: 'region', fallback: 'none' });

/** The dataset's record for a partner country; ICU's names for any other. Never China: Wuhan is there. */
/** The country GeoNames puts a place name in ("Nagoya" → Japan), where one clearly stands out. */
export function countryOfPlace(name: string, resolver: Resolver): CountryRef | null {
  const code = gazetteerCountry(name);
  return code ? countryRef(code, resolver) : null;
}

function countryRef(code: string, resolver: Resolver): CountryRef | null {
  if (code === 'CN') return null;
  const partner = resolver.resolveCountry(code);
  if (partner && partner.code === code) return partner;
  const name = englishRegion.of(code);
  return name ? { code, name, zh: chineseRegion.of(code) ?? name } : null;
}

const LATIN_WORD = /[\p{L}\p{M}][\p{L}\p{M}'.-]*/gu;
const HAN_RUN = /\p{Script=Han}+/gu;
const MAX_WINDOW_WORDS = 4;
const MAX_HAN_SCAN = 120;

interface Word {
  text: string;
  start: number;
  end: number;
}

function overlaps(start: number, end: number, taken: readonly (readonly [number, number])[]): boolean {
  return taken.some(([s, e]) => start < e && s < end);
}

/**
 * "us" is mostly the pronoun ("tell us"): it names the United States only as "U.S.", in capitals
 * within a sentence that is not all capitals, after "the", or as "in us" closing the question.
 */
function meansUnitedStates(question: string, start: number, end: number): boolean {
  const typed = question.slice(start, end);
  // "4.35 million US dollars": a currency, not the country.
  if (/^\s*dollars?\b/i.test(question.slice(end))) return false;
  if (typed.includes('.')) return true;
  if (typed === 'US' && /\p{Ll}/u.test(question)) return true;
  const before = question.slice(Math.max(0, start - 4), start).toLowerCase();
  if (/\bthe $/.test(before)) return true;
  return /\bin $/.test(before) && /^[\s?!.。？！]*$/.test(question.slice(end));
}

/** True when the text is a country's name or a common form of it ("France", "uk", "德国", "German"). */
export function isCountryName(text: string): boolean {
  return countryLexicon().has(compact(fold(text)));
}

interface CountryFound {
  country: CountryRef;
  start: number;
  end: number;
}

function findCountry(
  question: string,
  resolver: Resolver,
  taken: readonly (readonly [number, number])[],
): CountryFound | null {
  const lexicon = countryLexicon();
  const words: Word[] = [];
  for (const m of question.matchAll(LATIN_WORD)) {
    const text = m[0].replace(/('s|')$/i, '').replace(/[.'-]+$/, '');
    if (text) words.push({ text, start: m.index, end: m.index + text.length });
  }
  // Longest windows first so "United Kingdom" wins over "United", "South Korea" over "Korea".
  for (let size = MAX_WINDOW_WORDS; size >= 1; size--) {
    for (let i = 0; i + size <= words.length; i++) {
      const first = words[i]!;
      const last = words[i + size - 1]!;
      if (overlaps(first.start, last.end, taken)) continue;
      const key = compact(fold(question.slice(first.start, last.end)));
      const code = lexicon.get(key);
      if (!code || (key === 'us' && !meansUnitedStates(question, first.start, last.end))) continue;
      const country = countryRef(code, resolver);
      if (country) return { country, start: first.start, end: last.end };
    }
  }
  let scanned = 0;
  for (const m of question.matchAll(HAN_RUN)) {
    const run = m[0];
    for (let i = 0; i < run.length && scanned < MAX_HAN_SCAN; i++, scanned++) {
      for (let len = Math.min(8, run.length - i); len >= 2; len--) {
        if (overlaps(m.index + i, m.index + i + len, taken)) continue;
        const code = lexicon.get(run.slice(i, i + len));
        const country = code ? countryRef(code, resolver) : null;
        if (country) return { country, start: m.index + i, end: m.index + i + len };
      }
    }
  }
  return null;
}

const ZH_DIGIT_DECADES: Record<string, number> = { 五十: 1950, 六十: 1960, 七十: 1970, 八十: 1980, 九十: 1990 };
const EN_WORD_DECADES: Record<string, number> = {
  fifties: 1950,
  sixties: 1960,
  seventies: 1970,
  eighties: 1980,
  nineties: 1990,
};

function twoDigitDecade(digits: string): number {
  const n = Number(digits);
  return n >= 50 ? 1900 + n : 2000 + n;
}

function findPeriod(question: string, lower: string): Period | null {
  let m: RegExpMatchArray | null;
  // Ranges first: "between 2000 and 2010", "2000-2010", "2000年到2010年".
  // "Between the end of 2010 and 2016": what came after the end of 2010, from 2011.
  if (
    (m = lower.match(/\bbetween (?:the )?(end of |late )?(\d{4}) and (?:the )?(?:end of )?(\d{4})\b/)) ||
    (m = question.match(/()(\d{4})\s*年?\s*(?:-|–|—|to|至|到|~)\s*(\d{4})/))
  ) {
    const [a, b] = [Number(m[2]), Number(m[3])];
    const after = m[1] ? 1 : 0;
    if (plausible(a) && plausible(b))
      return { kind: 'range', range: { from: Math.min(a, b) + after, to: Math.max(a, b) } };
  }
  if ((m = lower.match(/\b(after|since|from|later than) (\d{4})\b/))) {
    const year = Number(m[2]);
    if (plausible(year))
      return { kind: 'range', range: { from: m[1] === 'after' || m[1] === 'later than' ? year + 1 : year } };
  }
  if ((m = lower.match(/\b(before|until|till|up to|prior to|earlier than) (\d{4})\b/))) {
    const year = Number(m[2]);
    if (plausible(year))
      return {
        kind: 'range',
        range: { to: m[1] === 'before' || m[1] === 'prior to' || m[1] === 'earlier than' ? year - 1 : year },
      };
  }
  if ((m = question.match(/(\d{4})\s*年?\s*(以来|至今|起|开始|以后|之后|后)/))) {
    const year = Number(m[1]);
    // "2000年以后" counts 2000 in, as Chinese speakers mean it; "after 2000" does not.
    if (plausible(year)) return { kind: 'range', range: { from: /^后$/.test(m[2]!) ? year + 1 : year } };
  }
  if ((m = question.match(/(\d{4})\s*年?\s*(以前|之前|前)/))) {
    const year = Number(m[1]);
    if (plausible(year)) return { kind: 'range', range: { to: year - 1 } };
  }
  // Decades: "1980s", "80s", "'80s", "the eighties", "80年代", "八十年代", "1980年代".
  if ((m = lower.match(/\b((?:19|20)\d)0'?s\b/))) return { kind: 'decade', from: Number(`${m[1]}0`) };
  if ((m = lower.match(/(?:^|[\s'‘(])(\d)0'?s\b/))) return { kind: 'decade', from: twoDigitDecade(`${m[1]}0`) };
  if ((m = lower.match(/\b(fifties|sixties|seventies|eighties|nineties)\b/)))
    return { kind: 'decade', from: EN_WORD_DECADES[m[1]!]! };
  if ((m = question.match(/((?:19|20)\d)0\s*年代/))) return { kind: 'decade', from: Number(`${m[1]}0`) };
  if ((m = question.match(/(\d)0\s*年代/))) return { kind: 'decade', from: twoDigitDecade(`${m[1]}0`) };
  if ((m = question.match(/(五十|六十|七十|八十|九十)年代/))) return { kind: 'decade', from: ZH_DIGIT_DECADES[m[1]!]! };
  if ((m = question.match(/(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)/))) return { kind: 'year', year: Number(m[1]) };
  return null;
}

function plausible(year: number): boolean {
  return year >= 1900 && year <= 2100;
}

/**
 * The place the user asked about when the resolver found no partner city in the question: what is
 * left once question words and filler are removed ("Is Paris a sister city of Wuhan?" → ["Paris"]).
 * Candidates in order of appearance, at most three, capitalised ones first.
 */
export function leftoverNames(question: string, zh: boolean): string[] {
  let text = question;
  if (zh) for (const word of ZH_FILLER) text = text.split(word).join(' ');
  const groups: string[][] = [];
  let current: string[] = [];
  for (const token of text.split(/[\s,.;:!?()[\]{}"“”‘’，。；：！？（）【】、《》…]+/u)) {
    const word = token.replace(/('s|')$/i, '');
    const filler = !word || EN_FILLER.has(word.toLowerCase()) || !/[\p{L}]/u.test(word) || /^\d/.test(word);
    // "名古屋是武汉友城吗 我记得是": Chinese is not written in words, so a space ends a Chinese name.
    const han = /\p{Script=Han}/u.test(word);
    if (filler || (han && current.length)) {
      if (current.length) groups.push(current);
      current = [];
    }
    if (!filler) {
      current.push(word);
      if (han) {
        groups.push(current);
        current = [];
      }
    }
  }
  if (current.length) groups.push(current);
  const names = groups
    .filter((g) => g.length <= MAX_WINDOW_WORDS)
    .map((g) => g.join(' '))
    .filter((name) => Array.from(name).length >= 2 && name.length <= 40 && !ZH_NOT_A_NAME.test(name));
  const capitalised = names.filter((n) => /^[\p{Lu}\p{Script=Han}]/u.test(n));
  // Someone who capitalises wrote the place with a capital too: their lower-case words are not names.
  const writesCapitals = /\p{Lu}/u.test(question.slice(1));
  return [...new Set(writesCapitals ? capitalised : [...capitalised, ...names])].slice(0, 3);
}
