// Full-text retrieval over everything the data says: every note of every city (summary, highlights,
// caveats, cooperation, landmarks, date notes, status, tier notes, names) and every official total's
// note, in English and Chinese, each with its city and sources. MiniSearch ranks (BM25+); Chinese is
// indexed as CJK unigrams and bigrams.
import MiniSearch from 'minisearch';
import type { City, Dataset, SourceId } from '../../data/types.js';

export type PassageField =
  | 'summary'
  | 'highlight'
  | 'caveat'
  | 'cooperation'
  | 'landmark'
  | 'established'
  | 'conflictingDate'
  | 'status'
  | 'tierNote'
  | 'names'
  | 'total';

/** One sourced statement of the data, in both languages. */
export interface Passage {
  id: number;
  /** The partner it is about; null for Wuhan's official totals. */
  city: City | null;
  field: PassageField;
  text: string;
  textZh: string;
  sources: SourceId[];
}

export interface PassageHit {
  passage: Passage;
  score: number;
  /**
   * How much of the question the passage matches: the weight (inverse document frequency) of the
   * question's terms it contains over the weight of all of them, 0 to 1.
   */
  coverage: number;
  /** The question's terms it contains. */
  matched: string[];
}

export interface QueryTerm {
  term: string;
  /** Rarity in the data (inverse document frequency): rare words say more. */
  weight: number;
  /** Some sentence of the data has it. */
  known: boolean;
}

export interface PassageIndex {
  passages: Passage[];
  search(query: string, options?: { cities?: readonly City[]; limit?: number }): PassageHit[];
  /** The question's terms as the index reads them (stop words dropped), each with its weight. */
  terms(query: string): QueryTerm[];
}

const HAN = /\p{Script=Han}/u;
const ASCII = /^[\x00-\x7f]*$/;
// A word in a spaced script (letters, marks, digits, apostrophes), read between runs of Chinese.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*/gu;

// Words that carry no meaning of their own in a question or a sentence. The Chinese ones are single
// characters, the unigrams of the CJK tokens below.
const STOP_EN = new Set(
  `a an the of with and or to for in on at by from into about as is are was were be been being do does did
   has have had having it its this that these those there their they them he she his her what which who whom
   whose when where why how whether if any some all also too than then so not no yes can could would should
   will shall may might must i me my we our us you your tell please know one ones city cities sister sisters
   twin twinned partner partners wuhan friendship friendly between during after before since until over under
   among against through via per each other others more most less least than ever still just only very much
   many such same own there here out up down off again further once both few nor get got did done does together`.split(
    /\s+/,
  ),
);
const STOP_ZH = new Set([
  ...'的了是和与在有给时哪个什么谁吗呢吧么也都就把被对向为于及或而这那其之你我他她它们请问一下怎样些城市友好武汉',
]);

/** A word of a spaced script as the index keeps it: lower case, accents dropped (Ōita → oita), no "'s". */
function latinTerm(word: string): string | null {
  let term = word.toLowerCase();
  if (!ASCII.test(term)) term = term.normalize('NFD').replace(/\p{M}/gu, '');
  if (term.includes("'") || term.includes('’')) term = term.replace(/['’]s?$/, '');
  return term.length < 2 || STOP_EN.has(term) ? null : term;
}

/**
 * The terms of a text: spaced-script words, and for Chinese the CJK unigrams and bigrams (the scheme
 * of Lucene's CJK analyser): bigrams match words exactly, unigrams let "捐了款" meet "捐款" and
 * "洪水" meet "洪灾". Stop words and stop characters are dropped.
 */
export function textTerms(text: string): string[] {
  const terms: string[] = [];
  // Chinese runs are found by a scan of the code units rather than split() on /\p{Script=Han}+/u: that
  // regular expression was most of the index's build at start.
  let spacedFrom = 0;
  let i = 0;
  while (i < text.length) {
    const width = hanWidth(text, i);
    if (!width) {
      i++;
      continue;
    }
    let end = i + width;
    for (let next = hanWidth(text, end); next; next = hanWidth(text, end)) end += next;
    if (i > spacedFrom) spacedTerms(text.slice(spacedFrom, i), terms);
    hanTerms(text.slice(i, end), terms);
    spacedFrom = i = end;
  }
  if (spacedFrom < text.length) spacedTerms(spacedFrom ? text.slice(spacedFrom) : text, terms);
  return terms;
}

/** How many code units the Han character at `i` takes (2 for one beyond the BMP); 0 for any other. */
function hanWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (!(code >= 0x2e80)) return 0;
  if (code >= 0x4e00 && code <= 0x9fff) return 1;
  const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  return HAN.test(text.slice(i, i + width)) ? width : 0;
}

function spacedTerms(text: string, terms: string[]): void {
  for (const m of text.matchAll(WORD)) {
    const term = latinTerm(m[0]);
    if (term) terms.push(term);
  }
}

function hanTerms(run: string, terms: string[]): void {
  for (let i = 0; i < run.length; i++) {
    if (!STOP_ZH.has(run[i]!)) terms.push(run[i]!);
    // A pair with a function character ("的", "了", "武汉") says little and would double the index.
    if (i + 1 < run.length && !STOP_ZH.has(run[i]!) && !STOP_ZH.has(run[i + 1]!)) terms.push(run.slice(i, i + 2));
  }
}

/** Every sourced statement in the data, in a fixed order: cities in data order, then the totals. */
export function collectPassages(data: Dataset): Passage[] {
  const passages: Passage[] = [];
  const add = (city: City | null, field: PassageField, text: string, textZh: string, sources: SourceId[]) => {
    if (text || textZh) passages.push({ id: passages.length, city, field, text, textZh, sources });
  };
  for (const city of data.cities) {
    add(city, 'summary', city.summary.text, city.summary.textZh, city.summary.sources);
    for (const n of city.highlights) add(city, 'highlight', n.text, n.textZh, n.sources);
    for (const c of city.cooperation) add(city, 'cooperation', c.text, c.textZh, c.sources);
    for (const l of city.landmarks)
      add(city, 'landmark', `${l.name}: ${l.description}`, `${l.zh}：${l.descriptionZh}`, l.sources);
    if (city.established?.note)
      add(city, 'established', city.established.note, city.established.noteZh ?? '', city.established.sources);
    for (const d of city.conflictingDates) if (d.note) add(city, 'conflictingDate', d.note, d.noteZh ?? '', d.sources);
    const status = city.status;
    // An unknown status is indexed only where a source says so: every sentence found carries its source.
    if (status.state === 'unknown') {
      if (status.sources?.length) add(city, 'status', status.note, status.noteZh, status.sources);
    } else if (status.state !== 'active') add(city, 'status', status.reason, status.reasonZh, status.sources);
    if (city.tierNote) add(city, 'tierNote', city.tierNote.text, city.tierNote.textZh, city.tierNote.sources);
    for (const n of city.caveats) add(city, 'caveat', n.text, n.textZh, n.sources);
    const names = [
      city.names.en,
      city.names.native,
      city.names.nativeLatin ?? '',
      ...city.aliases.filter((a) => a.kind !== 'unverified-zh').map((a) => a.text),
    ];
    add(city, 'names', names.filter(Boolean).join(' · '), city.names.zh ?? '', city.names.zhSources ?? []);
  }
  for (const total of data.totals) add(null, 'total', total.note, total.noteZh, total.sources);
  return passages;
}

/** The fields searched: English and Chinese text, the city's names (so a passage is found by its city). */
const FIELDS = ['text', 'textZh', 'city'] as const;
type Field = (typeof FIELDS)[number];
/** Terms are made once, by textTerms; MiniSearch gets them space-separated and takes them as they are. */
const asGiven = { tokenize: (text: string) => text.split(' '), processTerm: (term: string) => term || null };
/**
 * The documents' fields are the term lists themselves: MiniSearch's default would join them into a
 * string only for its tokenizer to split it again, garbage the collector then spends start-up time on.
 */
const termLists = {
  stringifyField: (value: unknown) => value as string,
  tokenize: (terms: string) => terms as unknown as string[],
  processTerm: (term: string) => term,
};

/**
 * How a term is stored in MiniSearch's radix tree: Chinese terms as the hex of their code points.
 * The tree scans a node's children one by one, and thousands of distinct first characters at its root
 * made building the index ten times slower; in hex every node has at most 16 children.
 */
function indexKey(term: string): string {
  if (!HAN.test(term)) return term;
  let key = '~';
  for (const ch of term) key += ch.codePointAt(0)!.toString(16).padStart(5, '0');
  return key;
}

export function buildPassageIndex(data: Dataset): PassageIndex {
  const passages = collectPassages(data);
  const search = new MiniSearch<Record<Field, string[]> & { id: number }>({
    fields: [...FIELDS],
    ...(termLists as object),
    searchOptions: asGiven,
  });
  // Document frequency per term, for weighing how much of a question a passage covers.
  const df = new Map<string, number>();
  const passageTerms = passages.map((p) => {
    const names = p.city ? `${p.city.names.en} ${p.city.names.zh ?? ''}` : '';
    const doc = { text: textTerms(p.text), textZh: textTerms(p.textZh), city: textTerms(names) };
    for (const term of new Set([...doc.text, ...doc.textZh, ...doc.city])) df.set(term, (df.get(term) ?? 0) + 1);
    return doc;
  });
  // Sentences are short: each term once per field is enough to rank them, and a Chinese character
  // in more than a tenth of them tells nothing (the pairs it is in still do). Both keep the index,
  // whose building is most of the start-up cost of /ask, small.
  const common = (term: string) => term.length === 1 && HAN.test(term) && df.get(term)! > passages.length / 10;
  const keyOf = new Map<string, string>();
  const indexed = (list: string[]) => {
    const out: string[] = [];
    for (const term of new Set(list)) {
      if (common(term)) continue;
      let key = keyOf.get(term);
      if (key === undefined) keyOf.set(term, (key = indexKey(term)));
      out.push(key);
    }
    return out;
  };
  search.addAll(
    passages.map((p, i) => {
      const { text, textZh, city } = passageTerms[i]!;
      return { id: p.id, text: indexed(text), textZh: indexed(textZh), city: indexed(city) };
    }),
  );
  const weight = (term: string) => Math.log(1 + passages.length / (1 + (df.get(term) ?? 0)));

  const terms = (query: string): QueryTerm[] =>
    [...new Set(textTerms(query))].map((term) => ({ term, weight: weight(term), known: df.has(term) }));

  return {
    passages,
    terms,
    search(query, options = {}) {
      const asked = terms(query);
      if (!asked.length) return [];
      const total = asked.reduce((sum, t) => sum + t.weight, 0);
      const only = options.cities?.length ? new Set(options.cities.map((c) => c.id)) : null;
      // Words of four letters or more in a spaced script also find their inflections, as prefixes of
      // the word less its last letter ("offices" → "office", "donated" → "donate…", "open" →
      // "opened"); a word no sentence has may be a typo, looked up one edit away (which costs more).
      const spaced = (t: QueryTerm) => t.term.length >= 4 && !HAN.test(t.term);
      // Each query string, and the question's term it stands for.
      const asks = new Map<string, string>();
      const exact = asked.filter((t) => !spaced(t)).map((t) => indexKey(t.term));
      for (const t of asked) asks.set(spaced(t) ? stemOf(t.term) : indexKey(t.term), t.term);
      const stems = asked.filter(spaced).map((t) => stemOf(t.term));
      const typos = asked.filter((t) => spaced(t) && !t.known).map((t) => t.term);
      for (const term of typos) asks.set(term, term);
      // "What gift did Christchurch give?": the sentences say "gave", "donated", "presented".
      for (const t of asked) {
        for (const form of SAID_AS[t.term] ?? []) {
          const key = HAN.test(form) ? indexKey(form) : form;
          if (HAN.test(form)) exact.push(key);
          else stems.push(key);
          asks.set(key, t.term);
        }
      }
      const results = search.search(
        {
          combineWith: 'OR',
          queries: [
            ...(exact.length ? [{ queries: exact, combineWith: 'OR' as const }] : []),
            ...(stems.length ? [{ queries: stems, combineWith: 'OR' as const, prefix: true }] : []),
            ...(typos.length ? [{ queries: typos, combineWith: 'OR' as const, fuzzy: 1 }] : []),
          ],
        },
        {
          boost: { text: 1, textZh: 1, city: 0.5 },
          filter: only ? (r) => only.has(passages[r.id as number]!.city?.id ?? '') : undefined,
        },
      );
      return results.slice(0, options.limit ?? 8).map((r) => {
        const matchedTerms = new Set(r.queryTerms.map((q) => asks.get(q)));
        const matched = asked.filter((t) => matchedTerms.has(t.term));
        return {
          passage: passages[r.id as number]!,
          score: r.score,
          coverage: total ? matched.reduce((sum, t) => sum + t.weight, 0) / total : 0,
          matched: matched.map((t) => t.term),
        };
      });
    },
  };
}

/**
 * Words a question uses for what the data's sentences say in other words: searched as well, and
 * counted as the question's own word when found.
 */
const SAID_AS: Record<string, readonly string[]> = {
  // A gift is often only said to be "on show" where it went (Christchurch's pounamu in Wuhan).
  gift: ['gave', 'given', 'donat', 'present', 'show'],
  gifts: ['gave', 'given', 'donat', 'present', 'show'],
  gifted: ['gave', 'given', 'donat', 'present', 'show'],
  gave: ['given', 'donat', 'present', 'show'],
  give: ['gave', 'given', 'donat', 'present', 'show'],
  stone: ['greenstone'],
  present: ['gave', 'given', 'donat'],
  presents: ['gave', 'given', 'donat'],
  money: ['donat', 'fund'],
  donation: ['donat'],
  donations: ['donat'],
  display: ['show', 'exhibit'],
  displayed: ['show', 'exhibit'],
  hq: ['headquarter'],
  soviet: ['ussr', 'ssr'],
  ussr: ['soviet', 'ssr'],
  苏联: ['苏维'],
  礼物: ['赠送', '赠', '展出'],
  石头: ['绿玉'],
  礼: ['赠'],
  送: ['赠'],
};

/** A word less its last letter, from five letters on: the prefix its inflections share. */
function stemOf(term: string): string {
  return term.length >= 5 ? term.slice(0, -1) : term;
}

const built = new WeakMap<Dataset, PassageIndex>();

/** The dataset's index, built on first use (the app builds it at start) and kept with the dataset. */
export function passageIndex(data: Dataset): PassageIndex {
  let index = built.get(data);
  if (!index) {
    index = buildPassageIndex(data);
    built.set(data, index);
  }
  return index;
}
