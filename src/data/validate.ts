// Hand-written validation of the curated JSON against src/data/types.ts.
// Every problem is collected (not just the first) and names file, record and field path, so a curator
// can fix a whole batch in one go. No schema library: the shapes are small and the messages matter.
import { byEstablished } from './order.js';
import { TOPICS } from './types.js';
import type {
  Alias,
  AliasKind,
  City,
  CityStatus,
  Continent,
  Cooperation,
  Coordinates,
  Country,
  Dataset,
  DatedFact,
  DocumentKind,
  FuzzyDate,
  Landmark,
  Note,
  Precision,
  Source,
  SourceId,
  Tier,
  Total,
} from './types.js';

/** The 28 friendship cities on Wuhan's June 2021 list; every one must have a file. */
export const FRIENDSHIP_CITY_IDS: readonly string[] = [
  'oita',
  'pittsburgh',
  'duisburg',
  'manchester',
  'galati',
  'kyiv',
  'khartoum',
  'gyor',
  'bordeaux',
  'arnhem',
  'cheongju',
  'sankt-poelten',
  'christchurch',
  'markham',
  'borlange',
  'kopavogur',
  'ashdod',
  'essonne',
  'izmir',
  'tijuana',
  'saratov',
  'concepcion',
  'bishkek',
  'chalkida',
  'izhevsk',
  'swansea',
  'entebbe',
  'bangkok',
];

const TIERS: readonly Tier[] = ['friendship', 'exchange', 'memorandum', 'district', 'unstated'];
const DOCUMENT_KINDS: readonly DocumentKind[] = ['agreement', 'memorandum', 'intent', 'announcement', 'not-stated'];
const STATUS_BASES = ['official-list', 'source'] as const;
const CONTINENTS: readonly Continent[] = ['Asia', 'Europe', 'Africa', 'North America', 'South America', 'Oceania'];
const PRECISIONS: readonly Precision[] = ['day', 'month', 'year'];
const DOUBTS: readonly NonNullable<DatedFact['doubt']>[] = ['possibly-later'];
const ALIAS_KINDS: readonly AliasKind[] = [
  'spelling',
  'old',
  'local',
  'language',
  'zh',
  'pinyin',
  'garbled',
  'unverified-zh',
];
const SOURCE_QUALITIES: readonly NonNullable<Source['quality']>[] = ['mirror', 'repost', 'low', 'machine-translated'];
/** Alias kinds that are claims about the world and so need a source. */
const SOURCED_ALIAS_KINDS: ReadonlySet<AliasKind> = new Set<AliasKind>(['garbled', 'zh']);

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SOURCE_ID = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;
const HAN = /\p{Script=Han}/u;
const PINYIN = /^[a-zü]+$/;
const DATE_SHAPE: Record<Precision, RegExp> = {
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  year: /^(\d{4})$/,
};
const MAX_LISTED_PROBLEMS = 20;

/** One JSON file as read from disk; `readError` says why it could not be read or parsed. */
export interface RawFile {
  /** Shown in messages, e.g. "data/cities/oita.json". A city's id must equal its base name. */
  file: string;
  data: unknown;
  readError?: string;
}

export interface RawDataset {
  sources: RawFile;
  totals: RawFile;
  cities: RawFile[];
}

export interface ValidateOptions {
  /** ISO date "YYYY-MM-DD" that no date may exceed; defaults to today (UTC). */
  today?: string;
}

export class DataError extends Error {
  override readonly name = 'DataError';
  constructor(readonly problems: readonly string[]) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  - ${p}`);
    const rest = problems.length - listed.length;
    super(
      `Invalid dataset: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n` +
        listed.join('\n') +
        (rest > 0 ? `\n  ... and ${rest} more` : ''),
    );
  }
}

/** Validates the parsed files and builds the Dataset; throws one DataError listing every problem. */
export function validateDataset(raw: RawDataset, options: ValidateOptions = {}): Dataset {
  const { dataset, problems } = checkDataset(raw, options);
  if (problems.length > 0) throw new DataError(problems);
  return dataset;
}

/** Friendship ids with no city file; empty once the dataset is complete. */
export function missingFriendshipCities(dataset: Pick<Dataset, 'cities'>): string[] {
  const present = new Set(dataset.cities.map((c) => c.id));
  return FRIENDSHIP_CITY_IDS.filter((id) => !present.has(id));
}

/**
 * The key two names are compared by: NFKD with diacritics dropped, lower case, no spaces or
 * punctuation, no trailing 市. "Győr", "gyor" and "GYŐR" collide; so do "大分市" and "大分".
 */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{Z}\p{S}\s]/gu, '')
    .replace(/市$/u, '');
}

// ---------------------------------------------------------------------------------------------

/** Where a problem is: the file, the record inside it, and a reporter for field paths. */
class Scope {
  constructor(
    private readonly problems: string[],
    readonly file: string,
    readonly record: string | null,
  ) {}

  report(path: string, message: string): void {
    const where = [this.file, this.record, path].filter((part) => part !== null && part !== '');
    this.problems.push(`${where.join(': ')}: ${message}`);
  }

  /** A record inside this one: a city's own source reads `city "oita": source "x"`. */
  forRecord(record: string): Scope {
    return new Scope(this.problems, this.file, this.record === null ? record : `${this.record}: ${record}`);
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks that `value` is an object with all `required` keys and nothing beyond `required`+`optional`. */
function object(
  scope: Scope,
  path: string,
  value: unknown,
  required: readonly string[],
  optional: readonly string[] = [],
): value is Record<string, unknown> {
  if (value === undefined) return false; // missing: reported once by object()
  if (!isObject(value)) {
    scope.report(path || '(top level)', `must be an object, got ${typeName(value)}`);
    return false;
  }
  for (const key of required) {
    if (!(key in value)) scope.report(join(path, key), 'is missing');
  }
  for (const key of Object.keys(value)) {
    if (!required.includes(key) && !optional.includes(key)) {
      scope.report(join(path, key), `unknown key (allowed: ${[...required, ...optional].join(', ')})`);
    }
  }
  return true;
}

function array(scope: Scope, path: string, value: unknown): value is unknown[] {
  if (value === undefined) return false; // missing: reported once by object()
  if (!Array.isArray(value)) {
    scope.report(path, `must be an array, got ${typeName(value)}`);
    return false;
  }
  return true;
}

interface TextRules {
  /** Must contain at least one Chinese character (catches English pasted into a zh field). */
  han?: boolean;
  pattern?: RegExp;
  patternName?: string;
}

function text(scope: Scope, path: string, value: unknown, rules: TextRules = {}): value is string {
  if (value === undefined) return false; // missing: reported once by object()
  if (typeof value !== 'string') {
    scope.report(path, `must be a string, got ${typeName(value)}`);
    return false;
  }
  if (value.trim() === '') {
    scope.report(path, 'must not be empty');
    return false;
  }
  if (value !== value.trim()) {
    scope.report(path, `${show(value)} has leading or trailing spaces`);
    return false;
  }
  if (rules.han && !HAN.test(value)) {
    scope.report(path, `${show(value)} must contain Chinese characters`);
    return false;
  }
  if (rules.pattern && !rules.pattern.test(value)) {
    scope.report(path, `${show(value)} is not ${rules.patternName ?? `matching ${rules.pattern}`}`);
    return false;
  }
  return true;
}

function optionalText(scope: Scope, path: string, value: unknown, rules: TextRules = {}): void {
  if (value !== undefined) text(scope, path, value, rules);
}

function oneOf<T extends string>(scope: Scope, path: string, value: unknown, allowed: readonly T[]): value is T {
  if (value === undefined) return false; // missing: reported once by object()
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    scope.report(path, `${show(value)} is not one of ${allowed.join(', ')}`);
    return false;
  }
  return true;
}

function boolean(scope: Scope, path: string, value: unknown): void {
  if (value === undefined) return; // missing: reported once by object()
  if (typeof value !== 'boolean') scope.report(path, `must be true or false, got ${typeName(value)}`);
}

function count(scope: Scope, path: string, value: unknown, nullable: boolean): void {
  if (value === undefined) return; // missing: reported once by object()
  if (nullable && value === null) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    scope.report(path, `${show(value)} must be a whole number >= 0${nullable ? ' or null' : ''}`);
  }
}

function isValidCalendarDate(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** A date string that matches its precision, exists in the calendar and is not after `today`. */
function dateOf(scope: Scope, path: string, value: unknown, precision: unknown, today: string): void {
  if (value === undefined) return; // missing: reported once by object()
  if (typeof value !== 'string') {
    scope.report(path, `must be a date string, got ${typeName(value)}`);
    return;
  }
  if (!(PRECISIONS as readonly unknown[]).includes(precision)) return; // reported by the caller's precision check
  const shape = DATE_SHAPE[precision as Precision].exec(value);
  if (!shape) {
    const expected = { day: 'YYYY-MM-DD', month: 'YYYY-MM', year: 'YYYY' }[precision as Precision];
    scope.report(path, `${show(value)} does not match precision "${String(precision)}" (${expected})`);
    return;
  }
  const [year, month, day] = [Number(shape[1]), Number(shape[2] ?? 1), Number(shape[3] ?? 1)];
  if (year < 1000 || month < 1 || month > 12 || !isValidCalendarDate(year, month, day)) {
    scope.report(path, `${show(value)} is not a valid date`);
    return;
  }
  if (value > today.slice(0, value.length)) scope.report(path, `${show(value)} is in the future`);
}

/** A fact's source list: non-empty, and every id known to this file. */
function sourceList(scope: Scope, path: string, value: unknown, known: (id: string) => boolean): value is SourceId[] {
  if (value === undefined) return false; // missing: reported once by object()
  if (!array(scope, path, value)) return false;
  if (value.length === 0) {
    scope.report(path, 'must name at least one source');
    return false;
  }
  let ok = true;
  const seen = new Set<unknown>();
  value.forEach((id, i) => {
    if (typeof id !== 'string') {
      scope.report(join(path, i), `must be a source id string, got ${typeName(id)}`);
      ok = false;
    } else if (!known(id)) {
      scope.report(join(path, i), `unknown source id ${show(id)}`);
      ok = false;
    } else if (seen.has(id)) {
      scope.report(join(path, i), `source ${show(id)} is listed twice`);
    }
    seen.add(id);
  });
  return ok;
}

// --- records --------------------------------------------------------------------------------

function checkSource(scope: Scope, path: string, value: unknown): value is Source {
  if (!object(scope, path, value, ['id', 'url', 'title'], ['quality', 'note'])) return false;
  text(scope, join(path, 'id'), value.id, { pattern: SOURCE_ID, patternName: 'a source id (letters, digits, dashes)' });
  if (text(scope, join(path, 'url'), value.url)) {
    let protocol = '';
    try {
      protocol = new URL(value.url).protocol;
    } catch {
      protocol = '';
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      scope.report(join(path, 'url'), `${show(value.url)} is not an http(s) URL`);
    }
  }
  text(scope, join(path, 'title'), value.title);
  if (value.quality !== undefined) oneOf(scope, join(path, 'quality'), value.quality, SOURCE_QUALITIES);
  optionalText(scope, join(path, 'note'), value.note);
  return true;
}

/** Checks a list of sources and registers them in `registry`, reporting ids already taken. */
function registerSources(
  scope: Scope,
  path: string,
  value: unknown,
  registry: Map<SourceId, { source: Source; file: string }>,
): void {
  if (!array(scope, path, value)) return;
  const urls = new Map<string, { source: Source; file: string }>();
  for (const registered of registry.values()) urls.set(registered.source.url, registered);
  value.forEach((entry, i) => {
    const entryPath = join(path, i);
    const label = isObject(entry) && typeof entry.id === 'string' ? `source "${entry.id}"` : entryPath;
    const entryScope = scope.forRecord(label);
    if (!checkSource(entryScope, '', entry)) return;
    const id = entry.id;
    if (typeof id !== 'string') return;
    const previous = registry.get(id);
    if (previous) {
      entryScope.report('id', `${show(id)} is already defined in ${previous.file}`);
      return;
    }
    // One id per page: a second id for the same URL would split its citations.
    const sameUrl = typeof entry.url === 'string' ? urls.get(entry.url) : undefined;
    if (sameUrl) {
      entryScope.report('url', `is already source "${sameUrl.source.id}" in ${sameUrl.file}: cite that id instead`);
      return;
    }
    const registered = { source: entry, file: scope.file };
    registry.set(id, registered);
    if (typeof entry.url === 'string') urls.set(entry.url, registered);
  });
}

function checkDatedFact(
  scope: Scope,
  path: string,
  value: unknown,
  known: (id: string) => boolean,
  today: string,
): value is DatedFact {
  if (
    !object(scope, path, value, ['date', 'precision', 'sources'], ['inferred', 'doubt', 'document', 'note', 'noteZh'])
  )
    return false;
  oneOf(scope, join(path, 'precision'), value.precision, PRECISIONS);
  if (value.document !== undefined) oneOf(scope, join(path, 'document'), value.document, DOCUMENT_KINDS);
  dateOf(scope, join(path, 'date'), value.date, value.precision, today);
  sourceList(scope, join(path, 'sources'), value.sources, known);
  if (value.inferred !== undefined) boolean(scope, join(path, 'inferred'), value.inferred);
  if (value.doubt !== undefined) oneOf(scope, join(path, 'doubt'), value.doubt, DOUBTS);
  // A note shown in one language only would leave zh-CN readers without the caveat, so they come as a pair.
  optionalText(scope, join(path, 'note'), value.note);
  if (value.note !== undefined && value.noteZh === undefined)
    scope.report(join(path, 'noteZh'), 'is missing: a note needs its Chinese version');
  if (value.noteZh !== undefined && value.note === undefined)
    scope.report(join(path, 'note'), 'is missing: noteZh needs the English note it translates');
  optionalText(scope, join(path, 'noteZh'), value.noteZh, { han: true });
  return true;
}

function checkNote(scope: Scope, path: string, value: unknown, known: (id: string) => boolean): value is Note {
  if (!object(scope, path, value, ['text', 'textZh', 'sources'])) return false;
  text(scope, join(path, 'text'), value.text);
  text(scope, join(path, 'textZh'), value.textZh, { han: true });
  sourceList(scope, join(path, 'sources'), value.sources, known);
  return true;
}

function checkList<T>(
  scope: Scope,
  path: string,
  value: unknown,
  each: (path: string, item: unknown) => item is T,
): void {
  if (!array(scope, path, value)) return;
  value.forEach((item, i) => each(join(path, i), item));
}

function checkNames(scope: Scope, value: unknown, known: (id: string) => boolean): void {
  if (!object(scope, 'names', value, ['en', 'native', 'zh'], ['nativeLatin', 'zhSources'])) return;
  text(scope, 'names.en', value.en);
  text(scope, 'names.native', value.native);
  optionalText(scope, 'names.nativeLatin', value.nativeLatin);
  if (value.zh === null) {
    if (value.zhSources !== undefined) scope.report('names.zhSources', 'must be absent when names.zh is null');
  } else if (value.zh !== undefined) {
    text(scope, 'names.zh', value.zh, { han: true });
    if (value.zhSources === undefined) scope.report('names.zhSources', 'is missing: a Chinese name needs a source');
    else sourceList(scope, 'names.zhSources', value.zhSources, known);
  }
}

function checkAlias(scope: Scope, path: string, value: unknown, known: (id: string) => boolean): value is Alias {
  if (!object(scope, path, value, ['text', 'kind'], ['sources'])) return false;
  const kindOk = oneOf(scope, join(path, 'kind'), value.kind, ALIAS_KINDS);
  const kind = value.kind as AliasKind;
  const rules: TextRules =
    kindOk && (kind === 'zh' || kind === 'unverified-zh')
      ? { han: true }
      : kindOk && kind === 'pinyin'
        ? { pattern: PINYIN, patternName: 'lower-case toneless pinyin in one word' }
        : {};
  text(scope, join(path, 'text'), value.text, rules);
  if (value.sources !== undefined) sourceList(scope, join(path, 'sources'), value.sources, known);
  else if (kindOk && SOURCED_ALIAS_KINDS.has(kind)) {
    scope.report(join(path, 'sources'), `is missing: a "${kind}" alias needs a source`);
  }
  return true;
}

function checkCountry(scope: Scope, value: unknown): value is Country {
  if (!object(scope, 'country', value, ['name', 'code', 'zh', 'continent'])) return false;
  text(scope, 'country.name', value.name);
  text(scope, 'country.code', value.code, {
    pattern: COUNTRY_CODE,
    patternName: 'an ISO 3166-1 alpha-2 code (two upper-case letters)',
  });
  text(scope, 'country.zh', value.zh, { han: true });
  oneOf(scope, 'country.continent', value.continent, CONTINENTS);
  return true;
}

/** What the status may cite as "on the official list": the list's date and its source. */
export interface OfficialListRef {
  asOf: string;
  sources: SourceId[];
}

/**
 * Every status cites its evidence or says it is unknown. "On the official list" must cite that list
 * and carry its date, and only a city on that list may claim it.
 */
function checkStatus(
  scope: Scope,
  value: unknown,
  known: (id: string) => boolean,
  today: string,
  fileId: string,
  list: OfficialListRef | null,
): value is CityStatus {
  if (isObject(value) && value.state === 'active') {
    if (!object(scope, 'status', value, ['state', 'basis', 'sources'], ['asOf', 'note', 'noteZh'])) return false;
    if (value.basis === undefined)
      scope.report('status.basis', 'is missing: say whether the official list or another source shows the tie current');
    else oneOf(scope, 'status.basis', value.basis, STATUS_BASES);
    if (value.sources === undefined)
      scope.report('status.sources', 'is missing: an active status needs the source that shows it');
    else sourceList(scope, 'status.sources', value.sources, known);
    if (value.asOf !== undefined) fuzzyDate(scope, 'status.asOf', value.asOf, today);
    pairedNote(scope, 'status', value);
    if (value.basis === 'official-list') {
      if (!FRIENDSHIP_CITY_IDS.includes(fileId))
        scope.report('status.basis', `"official-list": "${fileId}" is not on the official list`);
      if (list) {
        const asOf = isObject(value.asOf) ? value.asOf.date : undefined;
        if (asOf !== list.asOf)
          scope.report('status.asOf', `${show(value.asOf)} must be the official list's date, ${list.asOf}`);
        if (Array.isArray(value.sources) && !list.sources.every((id) => (value.sources as unknown[]).includes(id))) {
          scope.report('status.sources', `must cite the official list (${list.sources.join(', ')})`);
        }
      }
    } else if (value.basis === 'source' && value.asOf === undefined && value.note === undefined) {
      scope.report(
        'status.asOf',
        'is missing: date the source that shows the tie current, or say in a note why it is undated',
      );
    }
    return true;
  }
  if (isObject(value) && value.state === 'unknown') {
    if (!object(scope, 'status', value, ['state', 'note', 'noteZh'], ['sources'])) return false;
    text(scope, 'status.note', value.note);
    text(scope, 'status.noteZh', value.noteZh, { han: true });
    if (value.sources !== undefined) sourceList(scope, 'status.sources', value.sources, known);
    return true;
  }
  if (!object(scope, 'status', value, ['state', 'date', 'precision', 'reason', 'reasonZh', 'sources'])) return false;
  oneOf(scope, 'status.state', value.state, ['active', 'unknown', 'ended', 'phasing-out'] as const);
  oneOf(scope, 'status.precision', value.precision, PRECISIONS);
  dateOf(scope, 'status.date', value.date, value.precision, today);
  text(scope, 'status.reason', value.reason);
  text(scope, 'status.reasonZh', value.reasonZh, { han: true });
  sourceList(scope, 'status.sources', value.sources, known);
  return true;
}

function fuzzyDate(scope: Scope, path: string, value: unknown, today: string): value is FuzzyDate {
  if (!object(scope, path, value, ['date', 'precision'])) return false;
  oneOf(scope, join(path, 'precision'), value.precision, PRECISIONS);
  dateOf(scope, join(path, 'date'), value.date, value.precision, today);
  return true;
}

/** note and noteZh come as a pair, like a date's. */
function pairedNote(scope: Scope, path: string, value: Record<string, unknown>): void {
  optionalText(scope, join(path, 'note'), value.note);
  optionalText(scope, join(path, 'noteZh'), value.noteZh, { han: true });
  if (value.note !== undefined && value.noteZh === undefined)
    scope.report(join(path, 'noteZh'), 'is missing: a note needs its Chinese version');
  if (value.noteZh !== undefined && value.note === undefined)
    scope.report(join(path, 'note'), 'is missing: noteZh needs the English note it translates');
}

/**
 * Where sources give different dates, each date says what it dates (agreement, memorandum, declaration
 * of intent, announcement, or 'not-stated'), so a memorandum is never passed off as the twinning.
 */
function checkDocumentsStated(scope: Scope, city: Record<string, unknown>): void {
  if (!Array.isArray(city.conflictingDates) || city.conflictingDates.length === 0) return;
  const dates: [string, unknown][] = [
    ['established', city.established],
    ...city.conflictingDates.map((d, i): [string, unknown] => [`conflictingDates[${i}]`, d]),
  ];
  for (const [path, date] of dates) {
    if (isObject(date) && date.document === undefined) {
      scope.report(
        join(path, 'document'),
        'is missing: sources give different dates, so say what kind of document this date belongs to',
      );
    }
  }
}

function checkLandmark(scope: Scope, path: string, value: unknown, known: (id: string) => boolean): value is Landmark {
  if (!object(scope, path, value, ['name', 'zh', 'location', 'description', 'descriptionZh', 'sources'])) return false;
  text(scope, join(path, 'name'), value.name);
  text(scope, join(path, 'zh'), value.zh, { han: true });
  oneOf(scope, join(path, 'location'), value.location, ['partner', 'wuhan'] as const);
  text(scope, join(path, 'description'), value.description);
  text(scope, join(path, 'descriptionZh'), value.descriptionZh, { han: true });
  sourceList(scope, join(path, 'sources'), value.sources, known);
  return true;
}

function checkCooperation(
  scope: Scope,
  path: string,
  value: unknown,
  known: (id: string) => boolean,
  today: string,
): value is Cooperation {
  if (!object(scope, path, value, ['topic', 'text', 'textZh', 'sources'], ['year'])) return false;
  oneOf(scope, join(path, 'topic'), value.topic, TOPICS);
  text(scope, join(path, 'text'), value.text);
  text(scope, join(path, 'textZh'), value.textZh, { han: true });
  if (value.year !== undefined) {
    const thisYear = Number(today.slice(0, 4));
    if (typeof value.year !== 'number' || !Number.isInteger(value.year) || value.year < 1900 || value.year > thisYear) {
      scope.report(join(path, 'year'), `${show(value.year)} must be a year between 1900 and ${thisYear}`);
    }
  }
  sourceList(scope, join(path, 'sources'), value.sources, known);
  return true;
}

/** Latitude and longitude in degrees, in range, with their source. */
function checkCoordinates(
  scope: Scope,
  path: string,
  value: unknown,
  known: (id: string) => boolean,
): value is Coordinates {
  if (!object(scope, path, value, ['lat', 'lon', 'sources'], ['drawnAt'])) return false;
  const degrees = (key: 'lat' | 'lon', limit: number) => {
    const n = value[key];
    if (n === undefined) return; // missing: reported once by object()
    if (typeof n !== 'number' || !Number.isFinite(n) || Math.abs(n) > limit) {
      scope.report(join(path, key), `${show(n)} must be a number of degrees between -${limit} and ${limit}`);
    }
  };
  degrees('lat', 90);
  degrees('lon', 180);
  sourceList(scope, join(path, 'sources'), value.sources, known);
  if (value.drawnAt !== undefined) {
    const at = join(path, 'drawnAt');
    if (object(scope, at, value.drawnAt, ['name', 'nameZh', 'sources'])) {
      text(scope, join(at, 'name'), value.drawnAt.name);
      text(scope, join(at, 'nameZh'), value.drawnAt.nameZh, { han: true });
      sourceList(scope, join(at, 'sources'), value.drawnAt.sources, known);
    }
  }
  return true;
}

const CITY_KEYS = [
  'id',
  'tier',
  'names',
  'aliases',
  'country',
  'region',
  'regionZh',
  'coordinates',
  'established',
  'conflictingDates',
  'status',
  'landmarks',
  'cooperation',
  'highlights',
  'summary',
  'caveats',
] as const;

function checkCity(
  scope: Scope,
  value: unknown,
  fileId: string,
  known: (id: string) => boolean,
  today: string,
  list: OfficialListRef | null,
): void {
  if (!object(scope, '', value, CITY_KEYS, ['tierNote', 'sources'])) return;
  if (text(scope, 'id', value.id, { pattern: SLUG, patternName: 'a lower-case slug (a-z, 0-9, dashes)' })) {
    if (value.id !== fileId) scope.report('id', `${show(value.id)} must equal the file name "${fileId}"`);
  }
  if (oneOf(scope, 'tier', value.tier, TIERS) && FRIENDSHIP_CITY_IDS.includes(fileId) && value.tier !== 'friendship') {
    scope.report('tier', `${show(value.tier)}: "${fileId}" is on the friendship-city list`);
  }
  if (value.tierNote !== undefined) {
    checkNote(scope, 'tierNote', value.tierNote, known);
    // A sister city's level is never hedged: it is on Wuhan's own list or a source states it outright.
    if (value.tier === 'friendship')
      scope.report('tierNote', `is not for tier "friendship": a sister city's level is stated by its source`);
  }
  // A sister city off the official list must be newer than the list, so counts can say "as of" honestly.
  if (value.tier === 'friendship' && !FRIENDSHIP_CITY_IDS.includes(fileId) && list) {
    const date =
      isObject(value.established) && typeof value.established.date === 'string' ? value.established.date : null;
    if (date === null || date <= list.asOf) {
      scope.report(
        'tier',
        `"friendship" but "${fileId}" is not on the official list of ${list.asOf}: only a tie signed after it may be a sister city here`,
      );
    }
  }
  checkNames(scope, value.names, known);
  checkList(scope, 'aliases', value.aliases, (p, a): a is Alias => checkAlias(scope, p, a, known));
  checkCountry(scope, value.country);
  if (value.region !== null) text(scope, 'region', value.region);
  checkRegionZh(scope, value.region, value.regionZh);
  if (value.coordinates !== null) checkCoordinates(scope, 'coordinates', value.coordinates, known);
  if (value.established !== null && value.established !== undefined)
    checkDatedFact(scope, 'established', value.established, known, today);
  checkList(scope, 'conflictingDates', value.conflictingDates, (p, d): d is DatedFact =>
    checkDatedFact(scope, p, d, known, today),
  );
  checkStatus(scope, value.status, known, today, fileId, list);
  checkDocumentsStated(scope, value);
  checkList(scope, 'landmarks', value.landmarks, (p, l): l is Landmark => checkLandmark(scope, p, l, known));
  checkList(scope, 'cooperation', value.cooperation, (p, c): c is Cooperation =>
    checkCooperation(scope, p, c, known, today),
  );
  checkList(scope, 'highlights', value.highlights, (p, n): n is Note => checkNote(scope, p, n, known));
  checkNote(scope, 'summary', value.summary, known);
  checkList(scope, 'caveats', value.caveats, (p, n): n is Note => checkNote(scope, p, n, known));
  checkUnverifiedNamesHidden(scope, value);
  checkCooperationNamesCity(scope, value);
}

/** The Chinese region goes with the English one: both or neither. */
function checkRegionZh(scope: Scope, region: unknown, regionZh: unknown): void {
  if (regionZh === undefined) return; // missing: reported once by object()
  if (regionZh === null) {
    if (typeof region === 'string')
      scope.report('regionZh', `is null but region is ${show(region)}: give its Chinese name`);
    return;
  }
  if (text(scope, 'regionZh', regionZh, { han: true }) && region === null) {
    scope.report('regionZh', `${show(regionZh)} must be null when region is null`);
  }
}

/** Case and diacritics dropped, so the name "Galați" is found in a sentence that writes "Galati". */
function looseText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Alias kinds that are the city's name as written in a Latin-script sentence (or its own script). */
const NAMING_ALIAS_KINDS: ReadonlySet<AliasKind> = new Set<AliasKind>(['spelling', 'old', 'local', 'language']);

/**
 * /cooperation and the quiz show a cooperation sentence without its city card, so each one must name
 * the city: `text` by its English name or an alias, `textZh` by its sourced Chinese name or the English
 * name the Chinese prose uses where no source gave a Chinese one.
 */
function checkCooperationNamesCity(scope: Scope, city: Record<string, unknown>): void {
  if (!isObject(city.names) || !Array.isArray(city.cooperation)) return;
  const { en, native, nativeLatin, zh } = city.names;
  if (typeof en !== 'string') return; // reported by checkNames
  const aliases = Array.isArray(city.aliases) ? city.aliases.filter(isObject) : [];
  const english = [
    en,
    native,
    nativeLatin,
    ...aliases.filter((a) => NAMING_ALIAS_KINDS.has(a.kind as AliasKind)).map((a) => a.text),
  ]
    .filter((name): name is string => typeof name === 'string' && name !== '')
    .map(looseText);
  // Prose written before a source gave the Chinese name uses the English one, which still names the city.
  const chinese =
    typeof zh === 'string'
      ? [zh.replace(/市$/u, ''), ...aliases.filter((a) => a.kind === 'zh').map((a) => a.text), en].filter(
          (name): name is string => typeof name === 'string' && name !== '',
        )
      : [en];
  city.cooperation.forEach((entry, i) => {
    if (!isObject(entry)) return;
    const path = `cooperation[${i}]`;
    if (typeof entry.text === 'string' && !english.some((name) => looseText(entry.text as string).includes(name))) {
      scope.report(
        join(path, 'text'),
        `${show(entry.text)} must name the city ("${en}" or an alias): it is shown without the card`,
      );
    }
    if (typeof entry.textZh === 'string' && !chinese.some((name) => (entry.textZh as string).includes(name))) {
      scope.report(
        join(path, 'textZh'),
        `${show(entry.textZh)} must name the city ("${chinese[0]}"): it is shown without the card`,
      );
    }
  });
}

/**
 * An unverified Chinese name is for lookup only: no source showed it, so no displayed Chinese text may
 * use it (the prose writes the Latin name instead).
 */
function checkUnverifiedNamesHidden(scope: Scope, city: Record<string, unknown>): void {
  if (!Array.isArray(city.aliases)) return;
  const hidden = city.aliases
    .filter((a): a is Alias => typeof a === 'object' && a !== null && (a as Alias).kind === 'unverified-zh')
    .map((a) => a.text.replace(/市$/u, ''))
    .filter((name) => name.length > 0);
  if (hidden.length === 0) return;
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const shown = hidden.find((name) => value.includes(name));
      if (shown) scope.report(path, `uses the unverified Chinese name "${shown}"; write the Latin name instead`);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) visit(item, join(path, key));
    }
  };
  for (const [key, value] of Object.entries(city)) if (key !== 'aliases' && key !== 'sources') visit(value, key);
}

function checkTotal(
  scope: Scope,
  path: string,
  value: unknown,
  known: (id: string) => boolean,
  today: string,
): value is Total {
  if (
    !object(
      scope,
      path,
      value,
      ['asOf', 'friendship', 'exchange', 'total', 'note', 'noteZh', 'sources'],
      ['countries', 'qualifier'],
    )
  ) {
    return false;
  }
  if (object(scope, join(path, 'asOf'), value.asOf, ['date', 'precision'])) {
    oneOf(scope, join(path, 'asOf.precision'), value.asOf.precision, PRECISIONS);
    dateOf(scope, join(path, 'asOf.date'), value.asOf.date, value.asOf.precision, today);
  }
  count(scope, join(path, 'friendship'), value.friendship, true);
  count(scope, join(path, 'exchange'), value.exchange, true);
  count(scope, join(path, 'total'), value.total, true);
  if (value.countries !== undefined) count(scope, join(path, 'countries'), value.countries, false);
  if (value.qualifier !== undefined)
    oneOf(scope, join(path, 'qualifier'), value.qualifier, ['more-than', 'about'] as const);
  text(scope, join(path, 'note'), value.note);
  text(scope, join(path, 'noteZh'), value.noteZh, { han: true });
  sourceList(scope, join(path, 'sources'), value.sources, known);
  return true;
}

function baseName(file: string): string {
  const name = file.slice(file.replace(/\\/g, '/').lastIndexOf('/') + 1);
  return name.endsWith('.json') ? name.slice(0, -'.json'.length) : name;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Runs every check; returns the dataset built from whatever was readable plus all problems. */
function checkDataset(raw: RawDataset, options: ValidateOptions = {}): { dataset: Dataset; problems: string[] } {
  const today = options.today ?? todayUtc();
  const problems: string[] = [];
  const registry = new Map<SourceId, { source: Source; file: string }>();

  const parsed = (file: RawFile): boolean => {
    if (file.readError === undefined) return true;
    problems.push(`${file.file}: ${file.readError}`);
    return false;
  };

  // Global sources first: cities and totals refer to them.
  const sourcesScope = new Scope(problems, raw.sources.file, null);
  if (parsed(raw.sources) && object(sourcesScope, '', raw.sources.data, ['sources'])) {
    registerSources(sourcesScope, 'sources', raw.sources.data.sources, registry);
  }
  const globalIds = new Set(registry.keys());
  const isGlobal = (id: string): boolean => globalIds.has(id);

  let asOf = '';
  let listAsOf = '';
  const totals: Total[] = [];
  // Only ever seen with problems, which make validateDataset throw: Wuhan's place is never guessed.
  let wuhan: Dataset['wuhan'] = { coordinates: { lat: Number.NaN, lon: Number.NaN, sources: [] } };
  const totalsScope = new Scope(problems, raw.totals.file, null);
  if (parsed(raw.totals) && object(totalsScope, '', raw.totals.data, ['asOf', 'listAsOf', 'wuhan', 'totals'])) {
    const data = raw.totals.data;
    if (object(totalsScope, 'wuhan', data.wuhan, ['coordinates'])) {
      const coordinates = data.wuhan.coordinates;
      const before = problems.length;
      if (checkCoordinates(totalsScope, 'wuhan.coordinates', coordinates, isGlobal) && problems.length === before) {
        wuhan = { coordinates };
      }
    }
    dateOf(totalsScope, 'asOf', data.asOf, 'day', today);
    dateOf(totalsScope, 'listAsOf', data.listAsOf, 'day', today);
    if (typeof data.asOf === 'string') asOf = data.asOf;
    if (typeof data.listAsOf === 'string') listAsOf = data.listAsOf;
    if (array(totalsScope, 'totals', data.totals)) {
      data.totals.forEach((total, i) => {
        if (checkTotal(totalsScope, `totals[${i}]`, total, isGlobal, today)) totals.push(total);
      });
    }
  }

  // The official list's date and source, for statuses that cite it: the total dated on listAsOf.
  const listTotal = totals.find((t) => t.asOf.date === listAsOf && t.friendship !== null);
  const officialList: OfficialListRef | null = listTotal
    ? { asOf: listAsOf, sources: listTotal.sources.slice(0, 1) }
    : null;
  if (listAsOf && !listTotal)
    totalsScope.report('listAsOf', `${show(listAsOf)}: no total of sister cities has that date`);

  const cities: City[] = [];
  /** Folded name → who claimed it first, to report names shared by two cities. */
  const claims = new Map<string, { cityId: string; text: string }>();
  const files = [...raw.cities].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const idsSeen = new Set<string>();

  for (const file of files) {
    if (!parsed(file)) continue;
    const fileId = baseName(file.file);
    const data = file.data;
    const record = `city "${isObject(data) && typeof data.id === 'string' ? data.id : fileId}"`;
    const scope = new Scope(problems, file.file, record);

    const localIds = new Set<string>();
    if (isObject(data) && data.sources !== undefined) {
      const before = new Set(registry.keys());
      registerSources(scope, 'sources', data.sources, registry);
      for (const id of registry.keys()) if (!before.has(id)) localIds.add(id);
    }
    const known = (id: string): boolean => globalIds.has(id) || localIds.has(id);

    const problemsBefore = problems.length;
    checkCity(scope, data, fileId, known, today, officialList);
    if (!isObject(data)) continue;

    if (typeof data.id === 'string') {
      if (idsSeen.has(data.id)) scope.report('id', `${show(data.id)} is used by another file`);
      idsSeen.add(data.id);
    }
    claimNames(scope, data, fileId, claims);
    if (problems.length === problemsBefore) {
      const { sources: _local, ...city } = data;
      cities.push(city as unknown as City);
    }
  }

  cities.sort(byEstablished);
  const sources = new Map<SourceId, Source>();
  for (const [id, { source }] of registry) sources.set(id, source);
  return { dataset: { cities, wuhan, totals, sources, asOf }, problems };
}

/** Registers every name and alias of a city; a folded form claimed by another city is a problem. */
function claimNames(
  scope: Scope,
  data: Record<string, unknown>,
  fileId: string,
  claims: Map<string, { cityId: string; text: string }>,
): void {
  const cityId = typeof data.id === 'string' ? data.id : fileId;
  const candidates: { path: string; text: unknown }[] = [];
  if (isObject(data.names)) {
    for (const key of ['en', 'native', 'nativeLatin', 'zh'] as const) {
      candidates.push({ path: `names.${key}`, text: data.names[key] });
    }
  }
  if (Array.isArray(data.aliases)) {
    const exact = new Set<string>();
    data.aliases.forEach((alias, i) => {
      if (!isObject(alias) || typeof alias.text !== 'string') return;
      if (exact.has(alias.text)) scope.report(`aliases[${i}].text`, `${show(alias.text)} is listed twice`);
      exact.add(alias.text);
      candidates.push({ path: `aliases[${i}].text`, text: alias.text });
    });
  }
  for (const { path, text: name } of candidates) {
    if (typeof name !== 'string') continue;
    const key = foldName(name);
    if (key === '') continue;
    const owner = claims.get(key);
    if (owner === undefined) claims.set(key, { cityId, text: name });
    else if (owner.cityId !== cityId) {
      scope.report(path, `${show(name)} is also claimed by city "${owner.cityId}" (as ${show(owner.text)})`);
    }
  }
}
