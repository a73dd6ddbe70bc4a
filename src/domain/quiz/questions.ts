// Quiz questions generated from the dataset. Each kind lists the subjects it can ask about and builds
// one question per subject; the generator mixes kinds by difficulty and topic without repeating a
// subject. A question is only built when the dataset gives exactly one right answer: cities whose
// establishment date is disputed, doubted, inferred or unknown never feed a date question, and no
// question rests on what the data does not say (a city missing from a cooperation field may just be
// unrecorded): those kinds quote one of the city's own sentences with its names blanked out. Every
// reveal line names the city it is about, since it is read apart from the card that would say so, and
// cites exactly the sources of what it says.
import type { City, Continent, Country, Dataset, FuzzyDate, Note, Source, SourceId } from '../../data/types.js';
import { foldName } from '../../data/load.js';
import { formatDate, formatList, LOCALES, type Locale, type Params } from '../../i18n/index.js';
import { cityName, continentLabel, countryInProse, countryName } from '../../i18n/names.js';
import type { Random } from '../random.js';
import { t } from './questions.messages.js';
import type { Difficulty, LocalText, Question, QuestionKind, QuizSettings, QuizTopic } from './types.js';

const OPTION_COUNT = 4;
const DISTRACTORS = OPTION_COUNT - 1;
/** Year options never go before this: Wuhan's first tie is from 1979. */
const EARLIEST_OPTION_YEAR = 1975;
/** How far (in years) wrong year options may lie from the right one. */
const YEAR_SPREAD: Record<Difficulty, number> = { easy: 12, normal: 6, hard: 3 };
/** Cities established within this many years of each other count as "nearby decade" distractors. */
const NEAR_YEARS = 10;
/** A reveal fact longer than this is passed over when a shorter one exists. */
const FACT_MAX = 200;

// ---------------------------------------------------------------------------------------------
// What the dataset offers the quiz, worked out once per dataset.

interface DatedCity {
  city: City;
  year: number;
  /** First and last day the (month- or year-precise) date can mean, as "YYYY-MM-DD". */
  start: string;
  end: string;
}

interface QuizPool {
  data: Dataset;
  /** Friendship-tier cities whose tie is active, sorted by id. */
  active: City[];
  /** Friendship-tier cities whose tie ended or is being phased out. */
  notActive: City[];
  /** Active cities with a stated, undisputed establishment date. */
  dated: DatedCity[];
  /** Countries of active cities, one each, sorted by code. */
  countries: Country[];
  /** The first source of the latest count of friendship cities: the page that lists them. */
  listSource: Source | null;
  /** No year option goes past the year the data was last checked. */
  maxYear: number;
  /** Every name and alias of each city, folded, for spotting a name inside a phrase. */
  foldedNames: Map<City, string[]>;
  /** Each kind's subjects, worked out on first use. */
  subjects: Map<QuestionKind, string[]>;
}

const pools = new WeakMap<Dataset, QuizPool>();

function quizPool(data: Dataset): QuizPool {
  let pool = pools.get(data);
  if (!pool) {
    pool = buildPool(data);
    pools.set(data, pool);
  }
  return pool;
}

function buildPool(data: Dataset): QuizPool {
  const friendship = data.cities.filter((c) => c.tier === 'friendship').sort((a, b) => a.id.localeCompare(b.id));
  const active = friendship.filter((c) => c.status.state === 'active');
  const countries = new Map<string, Country>();
  for (const city of active) countries.set(city.country.code, city.country);
  const listTotal = [...data.totals]
    .filter((total) => total.friendship !== null)
    .sort((a, b) => b.asOf.date.localeCompare(a.asOf.date))[0];
  return {
    data,
    active,
    notActive: friendship.filter((c) => c.status.state !== 'active'),
    dated: active.map(datedCity).filter((d): d is DatedCity => d !== null),
    countries: [...countries.values()].sort((a, b) => a.code.localeCompare(b.code)),
    listSource: listTotal?.sources[0] ? (data.sources.get(listTotal.sources[0]) ?? null) : null,
    maxYear: Number(data.asOf.slice(0, 4)),
    foldedNames: new Map(friendship.map((c) => [c, foldedNames(c)])),
    subjects: new Map(),
  };
}

function foldedNames(city: City): string[] {
  const names = [
    city.names.en,
    city.names.native,
    city.names.nativeLatin,
    city.names.zh,
    ...city.aliases.map((a) => a.text),
  ];
  return names.map((name) => (name ? foldName(name) : '')).filter((key) => key.length >= 2);
}

/** A city's date when the sources state it and agree on it; null otherwise. */
function datedCity(city: City): DatedCity | null {
  const established = city.established;
  if (!established || established.inferred || established.doubt || city.conflictingDates.length > 0) return null;
  return { city, year: Number(established.date.slice(0, 4)), ...dateRange(established) };
}

function dateRange(date: FuzzyDate): { start: string; end: string } {
  if (date.precision === 'day') return { start: date.date, end: date.date };
  if (date.precision === 'month') return { start: `${date.date}-01`, end: `${date.date}-31` };
  return { start: `${date.date}-01-01`, end: `${date.date}-12-31` };
}

/** Every source behind one fact, in the dataset's order; null when none is known, so it is not told. */
function sourcesOf(data: Dataset, ids: readonly SourceId[]): Source[] | null {
  const sources = ids.map((id) => data.sources.get(id)).filter((s): s is Source => s !== undefined);
  return sources.length ? sources : null;
}

// ---------------------------------------------------------------------------------------------
// Small helpers for building questions.

/** Fisher–Yates on a copy. */
function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function pickOne<T>(items: readonly T[], random: Random): T | undefined {
  return items[Math.floor(random() * items.length)];
}

/**
 * Three wrong options from `candidates`. Harder games take more of the `near` ones (same continent,
 * nearby decade), easy games take any.
 */
function distractors<T>(candidates: readonly T[], near: (c: T) => boolean, ctx: BuildContext): T[] | null {
  if (candidates.length < DISTRACTORS) return null;
  const shuffled = shuffle(candidates, ctx.random);
  if (ctx.difficulty === 'easy') return shuffled.slice(0, DISTRACTORS);
  const close = shuffled.filter(near);
  const far = shuffled.filter((c) => !near(c));
  const wantClose = ctx.difficulty === 'hard' ? DISTRACTORS : Math.ceil(DISTRACTORS / 2);
  const chosen = close.slice(0, wantClose);
  return [...chosen, ...[...far, ...close.slice(wantClose)].slice(0, DISTRACTORS - chosen.length)];
}

function both(render: (locale: Locale) => string): LocalText {
  return Object.fromEntries(LOCALES.map((locale) => [locale, render(locale)])) as LocalText;
}

function text(key: Parameters<typeof t>[1], params: (locale: Locale) => Params): LocalText {
  return both((locale) => t(locale, key, params(locale)));
}

function cityText(city: City): LocalText {
  return both((locale) => cityName(city, locale));
}

interface Option {
  value: string;
  label: LocalText;
}

interface Fact {
  text: LocalText;
  sources: Source[];
}

function cityOption(city: City): Option {
  return { value: city.id, label: cityText(city) };
}

/** Shuffles the right option among the wrong ones; null if any two options could be confused. */
function assemble(
  ctx: BuildContext,
  kind: QuestionKind,
  subject: string,
  prompt: LocalText,
  right: Option,
  wrong: Option[] | null,
  fact: Fact | null,
): Question | null {
  if (!wrong || wrong.length !== DISTRACTORS || !fact) return null;
  const all = [right, ...wrong];
  const distinct = (key: (o: Option) => string) => new Set(all.map(key)).size === all.length;
  if (!distinct((o) => o.value) || !LOCALES.every((locale) => distinct((o) => o.label[locale]))) return null;
  const options = shuffle(all, ctx.random);
  return {
    kind,
    key: `${kind}:${subject}`,
    prompt,
    options: options.map((o) => o.label),
    optionValues: options.map((o) => o.value),
    answer: options.indexOf(right),
    fact: fact.text,
    sources: fact.sources,
  };
}

/** The date to the precision `established` states, cited to exactly `established.sources`. */
function establishedFact(ctx: BuildContext, dated: DatedCity): Fact | null {
  const established = dated.city.established!;
  const sources = sourcesOf(ctx.pool.data, established.sources);
  if (!sources) return null;
  const key = established.precision === 'day' ? 'factEstablishedDay' : 'factEstablished';
  return {
    text: text(key, (locale) => ({ city: cityName(dated.city, locale), date: formatDate(established, locale) })),
    sources,
  };
}

/**
 * One line about a city for the reveal: a sourced highlight that names the city (it reads on its own),
 * else its date, else another highlight, else the first sentence of its summary.
 */
function cityFact(ctx: BuildContext, city: City): Fact | null {
  const highlights = city.highlights
    .filter((note) => note.text.length <= FACT_MAX)
    .map((note) => ({ note, sources: sourcesOf(ctx.pool.data, note.sources) }))
    .filter((h): h is { note: Note; sources: Source[] } => h.sources !== null);
  const asFact = (h: { note: Note; sources: Source[] }): Fact => ({
    text: { en: h.note.text, 'zh-CN': h.note.textZh },
    sources: h.sources,
  });
  const named = pickOne(
    highlights.filter((h) => mentions(ctx.pool, h.note.text, city)),
    ctx.random,
  );
  if (named) return naming(ctx.pool, city, asFact(named));
  const dated = datedCity(city);
  const fromDate = dated && establishedFact(ctx, dated);
  if (fromDate) return fromDate;
  const other = pickOne(highlights, ctx.random);
  if (other) return naming(ctx.pool, city, asFact(other));
  const sources = sourcesOf(ctx.pool.data, city.summary.sources);
  if (!sources) return null;
  return naming(ctx.pool, city, {
    text: { en: firstSentence(city.summary.text), 'zh-CN': firstSentence(city.summary.textZh) },
    sources,
  });
}

/**
 * The fact as a line that names its city in each language: "Tijuana: Urban projects are part of the
 * commitments." when the sentence itself does not (a highlight may name it in English only).
 */
function naming(pool: QuizPool, city: City, fact: Fact | null): Fact | null {
  if (!fact) return null;
  return {
    text: both((locale) => {
      const line = fact.text[locale];
      return mentions(pool, line, city) ? line : t(locale, 'factAbout', { city: cityName(city, locale), fact: line });
    }),
    sources: fact.sources,
  };
}

function firstSentence(paragraph: string): string {
  const match = /^.+?(?:[.!?](?=\s|$)|[。！？])/su.exec(paragraph.trim());
  return (match ? match[0] : paragraph).trim();
}

/** True when `phrase` names the city (its names or aliases), so it would give the answer away. */
function mentions(pool: QuizPool, phrase: string, city: City): boolean {
  if (!phrase) return false;
  const folded = foldName(phrase);
  return (pool.foldedNames.get(city) ?? foldedNames(city)).some((key) => folded.includes(key));
}

/** A sentence shown inside “…” has its own double quotes turned into single ones, as both languages nest them. */
function innerQuotes(sentence: string): string {
  return sentence
    .replace(/"([^"]*)"/g, '‘$1’')
    .replace(/“/g, '‘')
    .replace(/”/g, '’');
}

/** What stands for the hidden city in a quoted sentence. */
// Escaped: a bare "____" is Discord markdown for an empty underline and would vanish.
const BLANK = '\\_\\_\\_\\_';
/** A quoted sentence needs this much text besides its blanks to be a question at all. */
const QUOTE_MIN = 30;

/**
 * The sentence with every name and alias of `city` replaced by a blank, in both languages; null when
 * it would still name the city or would say nothing particular: no number and no name but Wuhan's
 * ("____ and Wuhan cooperate on ports and logistics." could be about many cities).
 */
function blankedQuote(pool: QuizPool, city: City, sentence: LocalText): LocalText | null {
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
function blankOut(text: string, keys: readonly string[]): string {
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
function quoteQuestion(
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

const sameContinent = (a: City) => (b: City) => a.country.continent === b.country.continent;

// ---------------------------------------------------------------------------------------------
// The kinds.

interface BuildContext {
  pool: QuizPool;
  random: Random;
  difficulty: Difficulty;
}

interface KindSpec {
  kind: QuestionKind;
  topic: Exclude<QuizTopic, 'any'>;
  /** 1 = easy, 2 = normal, 3 = hard. */
  level: 1 | 2 | 3;
  subjects(pool: QuizPool): string[];
  build(subject: string, ctx: BuildContext): Question | null;
}

function activeCity(pool: QuizPool, id: string): City | undefined {
  return pool.active.find((c) => c.id === id);
}

function datedById(pool: QuizPool, id: string): DatedCity | undefined {
  return pool.dated.find((d) => d.city.id === id);
}

function nearYears(a: DatedCity) {
  return (b: DatedCity) => Math.abs(a.year - b.year) <= NEAR_YEARS;
}

/**
 * A city that is, or may be, one of Wuhan's sister cities: every friendship-tier city, ended ones too,
 * and friendly-exchange cities whose level no source settles (St. Louis calls itself a sister city).
 */
const maybeSisterCity = (city: City) => city.tier === 'friendship' || city.tierNote !== undefined;

/**
 * Continents whose first sister city is certain: every city there that is or may be a sister city has
 * an undisputed date (an undated one could have come first), and one active friendship city clearly
 * came before all the others.
 */
function firstByContinent(pool: QuizPool): Map<Continent, DatedCity> {
  const byContinent = new Map<Continent, City[]>();
  for (const city of pool.data.cities.filter(maybeSisterCity)) {
    const list = byContinent.get(city.country.continent) ?? [];
    list.push(city);
    byContinent.set(city.country.continent, list);
  }
  const firsts = new Map<Continent, DatedCity>();
  for (const [continent, cities] of byContinent) {
    const dated = cities.map(datedCity);
    if (cities.length < 2 || dated.some((d) => d === null)) continue;
    const sorted = (dated as DatedCity[]).sort((a, b) => a.start.localeCompare(b.start));
    const [first, second] = sorted as [DatedCity, DatedCity];
    if (first.end < second.start && first.city.tier === 'friendship' && first.city.status.state === 'active') {
      firsts.set(continent, first);
    }
  }
  return firsts;
}

const countryOfCity: KindSpec = {
  kind: 'country-of-city',
  topic: 'places',
  level: 1,
  subjects: (pool) => pool.active.map((c) => c.id),
  build(id, ctx) {
    const city = activeCity(ctx.pool, id);
    if (!city) return null;
    const option = (country: Country): Option => ({
      value: country.code,
      label: both((locale) => countryName(country, locale)),
    });
    const others = ctx.pool.countries.filter((c) => c.code !== city.country.code);
    const wrong = distractors(others, (c) => c.continent === city.country.continent, ctx);
    return assemble(
      ctx,
      this.kind,
      id,
      text('countryOfCity', (locale) => ({ city: cityName(city, locale) })),
      option(city.country),
      wrong?.map(option) ?? null,
      cityFact(ctx, city),
    );
  },
};

const cityInCountry: KindSpec = {
  kind: 'city-in-country',
  topic: 'places',
  level: 1,
  subjects: (pool) => pool.countries.map((c) => c.code),
  build(code, ctx) {
    const inCountry = ctx.pool.active.filter((c) => c.country.code === code);
    const city = pickOne(inCountry, ctx.random);
    if (!city) return null;
    const others = ctx.pool.active.filter((c) => c.country.code !== code);
    const wrong = distractors(others, sameContinent(city), ctx);
    return assemble(
      ctx,
      this.kind,
      code,
      text('cityInCountry', (locale) => ({ country: countryInProse(city.country, locale) })),
      cityOption(city),
      wrong?.map(cityOption) ?? null,
      cityFact(ctx, city),
    );
  },
};

const cityInContinent: KindSpec = {
  kind: 'city-in-continent',
  topic: 'places',
  level: 1,
  subjects: (pool) => [...new Set(pool.active.map((c) => c.country.continent))].sort(),
  build(continent, ctx) {
    const city = pickOne(
      ctx.pool.active.filter((c) => c.country.continent === continent),
      ctx.random,
    );
    if (!city) return null;
    const others = ctx.pool.active.filter((c) => c.country.continent !== continent);
    return assemble(
      ctx,
      this.kind,
      continent,
      text('cityInContinent', (locale) => ({ continent: continentLabel(city.country.continent, locale) })),
      cityOption(city),
      distractors(others, () => false, ctx)?.map(cityOption) ?? null,
      cityFact(ctx, city),
    );
  },
};

const countryCount: KindSpec = {
  kind: 'country-count',
  topic: 'places',
  level: 3,
  // A country with an ended or fading tie, or a city of uncertain level, is left out: whether that
  // city counts is unclear.
  subjects: (pool) =>
    pool.countries
      .filter(
        (country) =>
          !pool.data.cities.some(
            (c) => c.country.code === country.code && maybeSisterCity(c) && !pool.active.includes(c),
          ),
      )
      .map((c) => c.code),
  build(code, ctx) {
    const cities = ctx.pool.active.filter((c) => c.country.code === code);
    const country = cities[0]?.country;
    if (!country || !ctx.pool.listSource) return null;
    const count = cities.length;
    const lowest = Math.max(1, count - DISTRACTORS);
    const first = lowest + Math.floor(ctx.random() * (count - lowest + 1));
    const numbers = Array.from({ length: OPTION_COUNT }, (_, i) => first + i);
    const option = (n: number): Option => ({ value: String(n), label: both(() => String(n)) });
    return assemble(
      ctx,
      this.kind,
      code,
      text('countryCount', (locale) => ({ country: countryInProse(country, locale) })),
      option(count),
      numbers.filter((n) => n !== count).map(option),
      {
        text: text(count === 1 ? 'factCountryListOne' : 'factCountryList', (locale) => ({
          country: countryInProse(country, locale),
          cities: formatList(
            cities.map((c) => cityName(c, locale)),
            locale,
          ),
        })),
        sources: [ctx.pool.listSource],
      },
    );
  },
};

const yearEstablished: KindSpec = {
  kind: 'year-established',
  topic: 'dates',
  level: 2,
  subjects: (pool) => pool.dated.map((d) => d.city.id),
  build(id, ctx) {
    const dated = datedById(ctx.pool, id);
    if (!dated) return null;
    const spread = YEAR_SPREAD[ctx.difficulty];
    const years: number[] = [];
    for (let y = dated.year - spread; y <= dated.year + spread; y++) {
      if (y !== dated.year && y >= EARLIEST_OPTION_YEAR && y <= ctx.pool.maxYear) years.push(y);
    }
    const option = (year: number): Option => ({ value: String(year), label: both(() => String(year)) });
    return assemble(
      ctx,
      this.kind,
      id,
      text('yearEstablished', (locale) => ({ city: cityName(dated.city, locale) })),
      option(dated.year),
      distractors(years, () => false, ctx)?.map(option) ?? null,
      establishedFact(ctx, dated),
    );
  },
};

function orderKind(kind: 'earliest' | 'latest'): KindSpec {
  return {
    kind,
    topic: 'dates',
    level: 3,
    subjects: (pool) => pool.dated.map((d) => d.city.id),
    build(id, ctx) {
      const dated = datedById(ctx.pool, id);
      if (!dated) return null;
      // Only cities whose whole date range lies after (before) the answer's, so the order is certain.
      const others = ctx.pool.dated.filter((d) => (kind === 'earliest' ? d.start > dated.end : d.end < dated.start));
      const wrong = distractors(others, nearYears(dated), ctx);
      return assemble(
        ctx,
        kind,
        id,
        text(kind, () => ({})),
        cityOption(dated.city),
        wrong?.map((d) => cityOption(d.city)) ?? null,
        establishedFact(ctx, dated),
      );
    },
  };
}

const firstInContinent: KindSpec = {
  kind: 'first-in-continent',
  topic: 'dates',
  level: 2,
  subjects: (pool) => [...firstByContinent(pool).keys()].sort(),
  build(continent, ctx) {
    const first = firstByContinent(ctx.pool).get(continent as Continent);
    if (!first) return null;
    const city = first.city;
    const neighbours = shuffle(
      ctx.pool.active.filter((c) => c.country.continent === continent && c !== city),
      ctx.random,
    ).slice(0, DISTRACTORS);
    const elsewhere = ctx.pool.dated.filter((d) => d.city.country.continent !== continent);
    const fill = distractors(elsewhere, nearYears(first), ctx)?.map((d) => d.city) ?? [];
    const wrong = [...neighbours, ...fill].slice(0, DISTRACTORS);
    const sources = sourcesOf(ctx.pool.data, city.established!.sources);
    return assemble(
      ctx,
      this.kind,
      continent,
      text('firstInContinent', (locale) => ({ continent: continentLabel(city.country.continent, locale) })),
      cityOption(city),
      wrong.map(cityOption),
      sources && {
        text: text('factFirstInContinent', (locale) => ({
          city: cityName(city, locale),
          continent: continentLabel(city.country.continent, locale),
          date: formatDate(city.established!, locale),
        })),
        sources,
      },
    );
  },
};

/** The sentence about an ended or fading tie, with the city blanked: no question rests on "still active". */
const endedTie: KindSpec = {
  kind: 'ended-tie',
  topic: 'dates',
  level: 1,
  subjects: (pool) =>
    pool.notActive.flatMap((city) =>
      city.status.state !== 'active' && blankedQuote(pool, city, statusSentence(city.status)) ? [city.id] : [],
    ),
  build(id, ctx) {
    const city = ctx.pool.notActive.find((c) => c.id === id);
    if (!city || city.status.state === 'active') return null;
    const status = city.status;
    const prompt = status.state === 'ended' ? 'ended' : 'phasingOut';
    return quoteQuestion(ctx, this.kind, id, prompt, city, statusSentence(status), status.sources, ctx.pool.active);
  },
};

function statusSentence(status: Exclude<City['status'], { state: 'active' }>): LocalText {
  return { en: status.reason, 'zh-CN': status.reasonZh };
}

/** A landmark's description with the city blanked: another city may have an unrecorded "China Garden". */
const landmark: KindSpec = {
  kind: 'landmark',
  topic: 'exchanges',
  level: 2,
  subjects: (pool) =>
    pool.active.flatMap((city) =>
      city.landmarks.flatMap((l, i) =>
        l.location === 'partner' && blankedQuote(pool, city, landmarkSentence(l)) ? [`${city.id}#${i}`] : [],
      ),
    ),
  build(subject, ctx) {
    const [id, index] = subject.split('#') as [string, string];
    const city = activeCity(ctx.pool, id);
    const mark = city?.landmarks[Number(index)];
    if (!city || !mark) return null;
    return quoteQuestion(
      ctx,
      this.kind,
      subject,
      'landmark',
      city,
      landmarkSentence(mark),
      mark.sources,
      ctx.pool.active,
    );
  },
};

function landmarkSentence(mark: City['landmarks'][number]): LocalText {
  return { en: mark.description, 'zh-CN': mark.descriptionZh };
}

/**
 * One cooperation sentence with the city blanked. Asking which city worked on a topic would need the
 * others not to have, and the data cannot show that they did not.
 */
const cooperation: KindSpec = {
  kind: 'cooperation',
  topic: 'exchanges',
  level: 2,
  subjects: (pool) =>
    pool.active.flatMap((city) =>
      city.cooperation.flatMap((item, i) =>
        blankedQuote(pool, city, cooperationSentence(item)) ? [`${city.id}#${i}`] : [],
      ),
    ),
  build(subject, ctx) {
    const [id, index] = subject.split('#') as [string, string];
    const city = activeCity(ctx.pool, id);
    const item = city?.cooperation[Number(index)];
    if (!city || !item) return null;
    return quoteQuestion(
      ctx,
      this.kind,
      subject,
      'cooperation',
      city,
      cooperationSentence(item),
      item.sources,
      ctx.pool.active,
    );
  },
};

function cooperationSentence(item: City['cooperation'][number]): LocalText {
  return { en: item.text, 'zh-CN': item.textZh };
}

function chineseFact(ctx: BuildContext, city: City): Fact | null {
  const sources = sourcesOf(ctx.pool.data, city.names.zhSources ?? []);
  return (
    sources && {
      text: text('factChinese', (locale) => ({
        city: city.names.en,
        country: countryName(city.country, locale),
        zh: city.names.zh!,
      })),
      sources,
    }
  );
}

const withChineseName = (pool: QuizPool) => pool.active.filter((c) => c.names.zh !== null);

const cityFromChinese: KindSpec = {
  kind: 'city-from-chinese',
  topic: 'names',
  level: 1,
  subjects: (pool) => withChineseName(pool).map((c) => c.id),
  build(id, ctx) {
    const city = withChineseName(ctx.pool).find((c) => c.id === id);
    if (!city) return null;
    // The options are the cities' own names in every language: the Chinese ones would be the question.
    const option = (c: City): Option => ({ value: c.id, label: both(() => c.names.en) });
    const others = ctx.pool.active.filter((c) => c !== city);
    return assemble(
      ctx,
      this.kind,
      id,
      text('cityFromChinese', () => ({ zh: city.names.zh! })),
      option(city),
      distractors(others, sameContinent(city), ctx)?.map(option) ?? null,
      chineseFact(ctx, city),
    );
  },
};

const chineseOfCity: KindSpec = {
  kind: 'chinese-of-city',
  topic: 'names',
  level: 2,
  subjects: (pool) => withChineseName(pool).map((c) => c.id),
  build(id, ctx) {
    const named = withChineseName(ctx.pool);
    const city = named.find((c) => c.id === id);
    if (!city) return null;
    const option = (c: City): Option => ({ value: c.id, label: both(() => c.names.zh!) });
    return assemble(
      ctx,
      this.kind,
      id,
      text('chineseOfCity', () => ({ city: city.names.en })),
      option(city),
      distractors(
        named.filter((c) => c !== city),
        sameContinent(city),
        ctx,
      )?.map(option) ?? null,
      chineseFact(ctx, city),
    );
  },
};

const KINDS: readonly KindSpec[] = [
  countryOfCity,
  cityInCountry,
  cityInContinent,
  countryCount,
  yearEstablished,
  orderKind('earliest'),
  orderKind('latest'),
  firstInContinent,
  endedTie,
  landmark,
  cooperation,
  cityFromChinese,
  chineseOfCity,
];

// ---------------------------------------------------------------------------------------------
// The generator.

/** How often each level of kind comes up at each difficulty; absent levels are left out. */
const LEVEL_WEIGHTS: Record<Difficulty, Partial<Record<1 | 2 | 3, number>>> = {
  easy: { 1: 1 },
  normal: { 1: 1, 2: 1 },
  hard: { 1: 1, 2: 2, 3: 2 },
};

function subjectsOf(pool: QuizPool, kind: KindSpec): string[] {
  let subjects = pool.subjects.get(kind.kind);
  if (!subjects) {
    subjects = kind.subjects(pool);
    pool.subjects.set(kind.kind, subjects);
  }
  return subjects;
}

/** Every question subject the dataset offers, kind by kind: what a game can draw from. */
export function allSubjects(data: Dataset): { kind: QuestionKind; subjects: string[] }[] {
  const pool = quizPool(data);
  return KINDS.map((k) => ({ kind: k.kind, subjects: [...subjectsOf(pool, k)] }));
}

/** The question of one kind about one subject; null when the dataset cannot support it. */
export function buildQuestion(
  data: Dataset,
  kind: QuestionKind,
  subject: string,
  random: Random,
  difficulty: Difficulty,
): Question | null {
  const spec = KINDS.find((k) => k.kind === kind);
  return spec ? spec.build(subject, { pool: quizPool(data), random, difficulty }) : null;
}

/**
 * The questions of one game: `settings.rounds` of them when the dataset allows, different subjects
 * each, kinds mixed (never the same kind twice running when another is left). Deterministic for a
 * given `random`.
 */
export function generateQuestions(
  data: Dataset,
  random: Random,
  settings: Pick<QuizSettings, 'rounds' | 'difficulty' | 'topic'>,
): Question[] {
  const pool = quizPool(data);
  const ctx: BuildContext = { pool, random, difficulty: settings.difficulty };
  const available = new Map(
    KINDS.filter((k) => settings.topic === 'any' || k.topic === settings.topic).map(
      (k) => [k, subjectsOf(pool, k)] as const,
    ),
  );
  const weights = LEVEL_WEIGHTS[settings.difficulty];
  const weightOf = new Map<KindSpec, number>();
  for (const kind of available.keys()) {
    const weight = weights[kind.level];
    if (weight) weightOf.set(kind, weight);
  }
  // A topic with too few questions at this level borrows its harder kinds rather than end early.
  const supply = [...weightOf.keys()].reduce((n, k) => n + available.get(k)!.length, 0);
  if (supply < settings.rounds) {
    for (const kind of available.keys()) if (!weightOf.has(kind)) weightOf.set(kind, 1);
  }

  const remaining = new Map<KindSpec, string[]>([...weightOf.keys()].map((k) => [k, [...available.get(k)!]]));
  const questions: Question[] = [];
  let last: KindSpec | undefined;
  while (questions.length < settings.rounds) {
    const open = [...remaining.entries()].filter(([, subjects]) => subjects.length > 0).map(([k]) => k);
    if (open.length === 0) break;
    const choices = open.length > 1 ? open.filter((k) => k !== last) : open;
    const kind = weightedPick(choices, (k) => weightOf.get(k)!, random);
    const subjects = remaining.get(kind)!;
    const [subject] = subjects.splice(Math.floor(random() * subjects.length), 1) as [string];
    const question = kind.build(subject, ctx);
    if (question) {
      questions.push(question);
      last = kind;
    }
  }
  return questions;
}

function weightedPick<T>(items: readonly T[], weight: (item: T) => number, random: Random): T {
  const total = items.reduce((n, item) => n + weight(item), 0);
  let roll = random() * total;
  for (const item of items) {
    roll -= weight(item);
    if (roll < 0) return item;
  }
  return items[items.length - 1]!;
}
