// Places a question names that are none of Wuhan's partners ("What do Wuhan and Paris work on?"):
// found so that no answer drops them silently. Without a gazetteer a "place" is a name-like run of
// words: capitalised words in English, a transliteration-like run of characters in Chinese.
import {
  CONTINENT_WORDS,
  CUES,
  EN_FILLER,
  PERSON_TITLES,
  REGION_WORDS,
  TOPIC_WORDS,
  ZH_FILLER,
  ZH_NOT_A_NAME,
} from './lexicon.js';
import type { Resolution } from '../resolution.js';
import { type Entities, isCountryName } from './entities.js';
import { isGazetteerPlace } from './gazetteer.js';

export interface NamedPlace {
  name: string;
  /** Joined by "and", "with", "和"... to Wuhan or to a partner the question names: surely a place. */
  joined: boolean;
}

/** Words that start or fill a question and are no place, beyond the filler the partner check drops. */
const NOT_PLACES = new Set(
  `tell show list give describe explain compare find please hi hello hey ok okay so but then now well thanks thank
   let lets let's quick question dear bot youcheng ask name count number sum most least more less other others
   hubei yangtze changjiang english mandarin asia europe africa america oceania world earth i i'm i'd i've im
   january february march april may june july august september october november december monday tuesday
   wednesday thursday friday saturday sunday today yesterday tomorrow mayor mayors council agreement agreements
   memorandum treaty charter document documents source sources data dataset answer answers
   north south east west northern southern eastern western central daily times news post herald tribune press
   bbc cnn xinhua reuters wikipedia google discord according`.split(/\s+/),
);

/** Lower-case words that may join the words of one name: "Frankfurt am Main", "Rio de Janeiro". */
const NAME_JOINERS = new Set([
  'am',
  'an',
  'de',
  'del',
  'der',
  'des',
  'di',
  'da',
  'do',
  'du',
  'la',
  'le',
  'les',
  'of',
  'on',
  'upon',
  'sur',
  'van',
  'von',
  'y',
  'en',
]);
// What joins a place to Wuhan or a partner: "Wuhan and Paris", "巴黎和武汉", "Paris from Wuhan".
const JOINED_BEFORE = /(?:\band|&|\bor|\bwith|\bvs\.?|\bversus|,|[和与跟同及或、])\s*$/i;
const JOINED_AFTER = /^\s*(?:and\b|&|or\b|with\b|from\b|to\b|,|[和与跟同及或、离距])\s*/i;
const WUHAN_END = /(?:wuhan|武汉)$/i;
const WUHAN_START = /^(?:wuhan|武汉)/i;

/** The name at [start, end) is joined by a conjunction to Wuhan or to a partner the question names. */
function joinedToPartner(
  question: string,
  start: number,
  end: number,
  named: readonly (readonly [number, number])[],
): boolean {
  const before = question.slice(0, start).match(JOINED_BEFORE);
  if (before) {
    const left = question.slice(0, start - before[0].length).trimEnd();
    if (WUHAN_END.test(left) || named.some(([, e]) => e === left.length)) return true;
  }
  const after = question.slice(end).match(JOINED_AFTER);
  if (after) {
    const from = end + after[0].length;
    if (WUHAN_START.test(question.slice(from)) || named.some(([s]) => s === from)) return true;
  }
  return false;
}

/**
 * Characters Chinese uses to write foreign place names (巴黎, 杜伊斯堡, 伦敦...): a run made of them is
 * a name, not a word of the question. Place-name endings (市, 省, 州...) mark a name too.
 */
const TRANSLITERATION = new Set([
  ...'阿埃艾爱安昂奥澳巴拜班邦堡贝本比彼宾波伯勃博布采查达大丹道德登迪蒂丁东都杜多俄厄尔恩法凡菲费芬丰弗伏福盖甘高戈格根古瓜圭哈海汉豪赫亨洪胡华惠霍基吉加迦贾杰捷金久喀卡开凯坎康考柯科克肯库夸奎昆拉莱兰朗劳勒雷蕾累黎里理利丽连林琳留龙卢鲁路伦罗洛马迈麦曼芒梅美蒙孟米密缅明摩莫墨姆穆拿纳奈南瑙内尼宁纽努诺欧帕潘庞佩彭皮珀普齐奇恰乔切钦琼丘萨塞桑瑟森沙莎尚舍什圣施史士斯松苏索塔泰坦汤唐特提廷通图土托瓦万旺威韦维温沃乌伍西希锡夏谢辛休叙雅亚扬耶伊因英尤于约泽扎詹朱兹佐',
]);
const PLACE_ENDING = /(?:市|省|州|县|郡|镇|岛|港|湾|城)$/;
/** Verb endings and words of position that no place name has ("夸过", "前面地上刻着"). */
const ZH_NO_PLACE_PART = /[过着]|前面|地上|后面|里面|班列|议会|投票|断交|合同|协议|东西|知道/u;
/** Greetings, laughter and regions made of those characters that are no place a partner could be. */
const ZH_NOT_PLACES =
  /^(?:(.)\1|你好|您好|东南亚|东亚|南亚|西亚|中亚|中东|东欧|西欧|南欧|北欧|中欧|北非|东非|西非|南非洲)$/u;

// Words in alphabetic scripts; Chinese, Japanese and Korean runs are read by hanPlaces.
const SPACED_LETTER = '(?![\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}])\\p{L}';
const LATIN_WORD = new RegExp(`${SPACED_LETTER}(?:${SPACED_LETTER}|[\\p{M}'’.-])*|[,&]`, 'gu');

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const everywhere = (pattern: RegExp) => new RegExp(pattern.source, 'g');
/** Every English and every Chinese pattern of the lexicon, ready to find all their matches. */
const EN_PATTERNS = [
  ...Object.values(CUES).map((c) => c.en),
  ...TOPIC_WORDS.map((w) => w.en),
  // Regions before continents: "拉丁美洲" is blanked whole, not as 美洲 leaving 拉丁 to read as a place.
  ...REGION_WORDS.map((w) => w.en),
  ...CONTINENT_WORDS.map((w) => w.en),
].map(everywhere);
const ZH_PATTERNS = [
  ...Object.values(CUES).map((c) => c.zh),
  ...TOPIC_WORDS.map((w) => w.zh),
  ...REGION_WORDS.map((w) => w.zh),
  ...CONTINENT_WORDS.map((w) => w.zh),
].map(everywhere);

/** Spans of the question that cues, topics and continents explain: no place hides there. */
function explainedSpans(question: string): (readonly [number, number])[] {
  const lower = question.toLowerCase();
  const spans: (readonly [number, number])[] = [];
  for (const pattern of EN_PATTERNS) {
    for (const m of lower.matchAll(pattern)) if (m[0]) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/**
 * The question with everything the lexicon and the entities explain blanked out: cue words, topics,
 * continents, partners, the country, filler and years. What is left is what the question asks about
 * beyond the words the structured answers read ("donated money", "flood").
 */
export function unexplainedText(question: string, entities: Entities, topicsAnswered: boolean): string {
  let text = withoutEntities(question, entities);
  // One pass of all the English patterns (and one of the Chinese ones) rather than one per pattern:
  // this runs for most questions, and sixty scans of the text cost a good part of a millisecond.
  text = text.replace(EN_ANY, (m) => ' '.repeat(m.length));
  // A cue may span a name ("what did Hu Jintao do"): capitalised words inside a sentence stay.
  for (const m of withoutEntities(question, entities).matchAll(NAME_INSIDE)) {
    text = text.slice(0, m.index) + m[0] + text.slice(m.index + m[0].length);
  }
  // Topic words ("swimmers", "hospital") are explained only where the answer is about cooperation.
  if (topicsAnswered) text = text.replace(EN_TOPICS, (m) => ' '.repeat(m.length));
  if (HAN.test(text)) {
    text = text.replace(ZH_ANY, (m) => ' '.repeat(m.length));
    if (topicsAnswered) text = text.replace(ZH_TOPICS, (m) => ' '.repeat(m.length));
    for (const word of ZH_FILLER) if (text.includes(word)) text = text.replaceAll(word, ' '.repeat(word.length));
  }
  // Numbers are years, decades and counts, which the entities read; filler words ask nothing ("give",
  // "towns"), except those that say what a sentence is about ("link").
  // An ordinal stays: "the 17th sister city" is what a sentence says of one partner.
  return text
    .replace(/(?!\d+(?:st|nd|rd|th)\b)[\p{N}][\p{N}\p{L}'’]*|年代?/gu, ' ')
    .replace(/[\p{L}\p{M}'’]+/gu, (word) => {
      const lower = word.toLowerCase();
      return (EN_FILLER.has(lower) || NOT_PLACES.has(lower)) && !ASKS_ABOUT.has(lower) ? ' '.repeat(word.length) : word;
    });
}

/** The question with the partners, continents and country it names blanked out. */
export function withoutEntities(question: string, entities: Entities): string {
  let text = question;
  for (const [start, end] of entities.named) text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  return text;
}

/** Filler words that still say what a question is about. */
const ASKS_ABOUT = new Set(['link', 'linked', 'mayor', 'mayors', 'memorandum', 'memoranda', 'treaty', 'charter']);

const union = (patterns: readonly RegExp[], flags: string) =>
  new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), flags);
/** A capitalised word that does not open the question. */
const NAME_INSIDE = /(?<=\S\s+)\p{Lu}[\p{Ll}\p{M}'’-]+/gu;

const EN_ANY = union(
  [...Object.values(CUES).map((c) => c.en), ...[...CONTINENT_WORDS, ...REGION_WORDS].map((w) => w.en)],
  'gi',
);
const ZH_ANY = union(
  [...Object.values(CUES).map((c) => c.zh), ...[...CONTINENT_WORDS, ...REGION_WORDS].map((w) => w.zh)],
  'g',
);
const EN_TOPICS = union(
  TOPIC_WORDS.map((w) => w.en),
  'gi',
);
const ZH_TOPICS = union(
  TOPIC_WORDS.map((w) => w.zh),
  'g',
);

const inside = (token: { start: number; end: number }, spans: readonly (readonly [number, number])[]) =>
  spans.some(([s, e]) => token.start < e && s < token.end);

/**
 * Name-like runs of words that are neither a partner nor anything else the question's words explain,
 * in order of appearance. English names count only where the writer uses capitals (then only
 * capitalised runs) or where the name is joined to Wuhan or a partner, or is all the question says.
 */
export function namedPlaces(question: string, entities: Entities): NamedPlace[] {
  return [...latinPlaces(question, entities), ...(HAN.test(question) ? hanPlaces(question, entities) : [])];
}

const HAN = /\p{Script=Han}/u;
/** A word written as a name: a capital, then small letters ("Paris", "St.", "McAllen"); not "DROP" or "TABLE". */
const NAME_CASE = /^\p{Lu}(?:[\p{Ll}\p{M}'’.-]|$)/u;

function latinPlaces(question: string, entities: Entities): NamedPlace[] {
  const tokens: Token[] = [];
  for (const m of question.matchAll(LATIN_WORD)) {
    const text = m[0].replace(/('s|’s|')$/i, '').replace(/[.'’-]+$/, '');
    if (text) tokens.push({ text, lower: text.toLowerCase(), start: m.index, end: m.index + text.length });
  }
  const writesCapitals = /\p{Lu}/u.test(question.slice(1)) && /\p{Ll}/u.test(question);
  const vocabulary = (t: Token) =>
    EN_FILLER.has(t.lower) || NOT_PLACES.has(t.lower) || PERSON_TITLES.has(t.lower) || inside(t, entities.named);
  // Most questions have no word that could be a name: skip the costlier checks for them.
  if (!tokens.some((t) => /\p{L}/u.test(t.text) && !vocabulary(t) && (!writesCapitals || NAME_CASE.test(t.text))))
    return [];
  const explained = explainedSpans(question);
  const breaks = (t: Token) => !/\p{L}/u.test(t.text) || vocabulary(t) || inside(t, explained) || isCountryName(t.text);
  const places: NamedPlace[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (
      breaks(tokens[i]!) ||
      NAME_JOINERS.has(tokens[i]!.lower) ||
      (writesCapitals && !NAME_CASE.test(tokens[i]!.text))
    ) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      const next = tokens[j];
      if (!next) break;
      if (
        NAME_JOINERS.has(next.lower) &&
        tokens[j + 1] &&
        NAME_CASE.test(tokens[j + 1]!.text) &&
        !breaks(tokens[j + 1]!)
      ) {
        j += 2;
        continue;
      }
      if (breaks(next) || (writesCapitals && !NAME_CASE.test(next.text))) break;
      j++;
    }
    const run = tokens.slice(i, j);
    const name = question.slice(run[0]!.start, run.at(-1)!.end);
    const span = { start: run[0]!.start, end: run.at(-1)!.end };
    if (
      writesCapitals &&
      (partOfLongerName(question, tokens, i - 1, span, entities) ||
        partOfLongerName(question, tokens, j, span, entities))
    ) {
      i = j;
      continue;
    }
    const person = PERSON_TITLES.has(tokens[i - 1]?.lower.replace(/\.$/, '') ?? '');
    const joined = joinedToPartner(question, run[0]!.start, run.at(-1)!.end, entities.named);
    // Without capitals, a name stands alone ("paris") or is joined to Wuhan or a partner.
    const alone = run.length === tokens.length && !/\d/.test(question);
    if (!person && run.length <= 4 && name.length >= 2 && (writesCapitals || joined || alone))
      places.push({ name, joined });
    i = j;
  }
  return places;
}

/**
 * A capitalised word right beside a run makes the run part of a longer proper name ("Wuhan Union
 * Hospital"), not a place of its own; the first word of the question, countries and partners aside.
 */
function partOfLongerName(
  question: string,
  tokens: Token[],
  at: number,
  run: { start: number; end: number },
  entities: Entities,
): boolean {
  const word = tokens[at];
  if (!word || at === 0 || !NAME_CASE.test(word.text) || isCountryName(word.text) || inside(word, entities.named))
    return false;
  // Only spaces between: "Paris, Duisburg" are two names, "Wuhan Union" one.
  const between = word.end <= run.start ? question.slice(word.end, run.start) : question.slice(run.end, word.start);
  return /^ +$/.test(between);
}

/**
 * A place is a place only when something recognises it as one: the resolver (close to a partner's
 * name), the world's country names, GeoNames' towns and cities, or for Chinese the signs hanPlaces
 * already demands (a transliteration's characters, a place-name ending, a link to Wuhan or a partner).
 * "donated money" and "Union" are none of these.
 */
export function isRecognisedPlace(name: string, resolution: Resolution): boolean {
  if (resolution.kind !== 'none' || isCountryName(name)) return true;
  // No Chinese gazetteer: a Chinese name is a place unless it holds words no place name has.
  if (HAN.test(name)) return !ZH_NO_PLACE_PART.test(name);
  return isGazetteerPlace(name);
}

const PERSON_DOT = /[·•‧・･]/u;

function hanPlaces(question: string, entities: Entities): NamedPlace[] {
  let text = question;
  const blank = (start: number, end: number) => {
    text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  };
  for (const [start, end] of entities.named) blank(start, end);
  for (const pattern of ZH_PATTERNS) {
    for (const m of text.matchAll(pattern)) if (m[0]) blank(m.index, m.index + m[0].length);
  }
  for (const word of ZH_FILLER) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) blank(at, at + word.length);
  }
  const places: NamedPlace[] = [];
  for (const m of text.matchAll(/\p{Script=Han}{2,}/gu)) {
    const name = m[0];
    if (
      ZH_NOT_A_NAME.test(name) ||
      ZH_NOT_PLACES.test(name) ||
      ZH_NO_PLACE_PART.test(name) ||
      isCountryName(name.replace(/[各呢的了]+$/u, ''))
    )
      continue;
    // 路易·艾黎, 格里菲斯·约翰: a foreign person's names are joined by a middle dot; a place's are not.
    if (PERSON_DOT.test(question[m.index - 1] ?? '') || PERSON_DOT.test(question[m.index + name.length] ?? ''))
      continue;
    const joined = joinedToPartner(question, m.index, m.index + name.length, entities.named);
    // Joined to Wuhan ("武汉和东京") a name needs no other sign of being a place.
    if (!joined && !PLACE_ENDING.test(name) && ![...name].every((c) => TRANSLITERATION.has(c))) continue;
    places.push({ name, joined });
  }
  return places;
}
