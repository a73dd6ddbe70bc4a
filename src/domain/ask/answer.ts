// Intent → the facts that answer it, looked up in the dataset. No wording here: the /ask view says
// it in English or Chinese. Every answer carries the sources that back it.
import type {
  City,
  Continent,
  Coordinates,
  Dataset,
  DatedFact,
  Landmark,
  Note,
  PartnerTier,
  SourceId,
  Topic,
  Total,
} from '../../data/types.js';
import { breakdown, type Tally } from '../facts/breakdown.js';
import {
  type CityCooperation,
  cooperationOfCity,
  cooperationOnTopic,
  cooperationSummary,
  type TopicCooperation,
  type TopicSummary,
} from '../facts/cooperation.js';
import { partnerCountries } from '../facts/country.js';
import { friendshipSpan, type FriendshipSpan } from '../facts/friendship.js';
import { hasEnded, isPartner, statusSourceIds } from '../facts/partners.js';
import { citySourceIds } from '../facts/sources.js';
import { timeline } from '../facts/timeline.js';
import { latestTotalFor, officialTotals } from '../facts/totals.js';
import { distanceFromWuhanKm } from '../geo.js';
import type { Resolution } from '../resolution.js';
import { periodRange } from './entities.js';
import type { Anniversary, Intent, NameForm, Reading, Scope, TotalsFocus, Unmatched } from './intent.js';
import { PERSON_TITLES } from './lexicon.js';
import { type PassageHit, passageIndex } from './retrieval.js';

export interface CityDate {
  city: City;
  /** Null when no source dates the tie. */
  span: FriendshipSpan | null;
}

export interface CityDistance {
  city: City;
  /** Great-circle kilometres from Wuhan; null when the data has no coordinates for the city. */
  km: number | null;
}

export interface LandmarkOf {
  city: City;
  landmark: Landmark;
}

export interface CountryCities {
  country: City['country'];
  cities: City[];
}

export type Answer =
  /**
   * `closest`: when no answer fits with confidence, the sentences of the data nearest to the question,
   * shown as "not sure, but this is what the data says".
   */
  | {
      kind: 'unknown';
      reason: 'empty' | 'noWords' | 'province' | 'offTopic' | 'betweenPartners' | 'notUnderstood';
      cities: City[];
      closest: PassageHit[];
    }
  /** The sentences of the data that answer the question, found by full-text retrieval. */
  /** `noFigure`: the question asks a figure (how much, how many) that none of the sentences gives. */
  | { kind: 'passages'; hits: PassageHit[]; noFigure?: true }
  /** Partners set against each other in time: `verdict` the first (or last), null when the dates cannot tell. */
  | {
      kind: 'compare';
      order: 'earlier' | 'later';
      dates: CityDate[];
      verdict: City | null;
      why: 'ordered' | 'sameDate' | 'tooCoarse' | 'undated';
    }
  | { kind: 'names'; cities: City[]; want: NameForm | null }
  /** What the data says about the partners' mayors: their notes that name one, per city. */
  | { kind: 'people'; role: 'mayor'; today: boolean; perCity: { city: City; notes: Note[] }[] }
  /** What the data holds about Hubei province as a whole (its totals' notes say so where they do). */
  | { kind: 'province'; rows: Total[]; notes: { city: City; note: Note }[] }
  /** What the partners' notes say about a person asked about by name. */
  | { kind: 'person'; name: string; notes: { city: City; note: Note }[] }
  /** `rows`: the official counts the question is about (those with a figure it quotes, else all). */
  | { kind: 'sources'; cities: City[]; about: 'totals' | 'general'; rows: Total[] }
  | { kind: 'tiers'; counts: Total[]; listed: Record<PartnerTier, City[]> }
  | { kind: 'rank'; total: Total | null }
  /** Sister cities by the decade of their date, most first; `undated`: those no source dates. */
  | { kind: 'decades'; rows: { from: number; cities: City[] }[]; undated: City[] }
  | { kind: 'landmarks'; cities: City[]; items: LandmarkOf[] }
  | { kind: 'status'; cities: City[]; notActive: City[] }
  | { kind: 'cooperation'; city: City; groups: TopicCooperation[]; topic: Topic | null }
  | {
      kind: 'cooperationMany';
      cities: City[];
      topic: Topic | null;
      perCity: { city: City; groups: TopicCooperation[] }[];
    }
  | { kind: 'cooperationTopic'; topic: Topic; partners: CityCooperation[] }
  | { kind: 'cooperationOverview'; topics: TopicSummary[] }
  | {
      kind: 'first' | 'latest';
      scope: Scope;
      /** 1 for the first (or the latest), 2 for the second... */
      position: number;
      pick: CityDate | null;
      /** Partners dated only to the same year as the pick, when that year is all a source gives: their order is not known. */
      sameYear: City[];
      undated: City[];
      others: CityDate[];
      list: Total | null;
      report: Total | null;
    }
  /** `there`: the partners that are in the country asked about. */
  /** `dates`: the asked partners' dates, when the question also asks when ("gyor austria sister city date?"). */
  | {
      kind: 'elsewhere';
      cities: City[];
      country: { code: string; name: string; zh: string };
      there: City[];
      dates: CityDate[];
    }
  | { kind: 'established'; dates: CityDate[]; anniversary?: Anniversary }
  | { kind: 'totals'; focus: TotalsFocus; rows: Total[] }
  | { kind: 'totalsInYear'; year: number; rows: Total[]; all: Total[] }
  /**
   * `most`: only the countries with the most sister cities were asked for; `exchange`: the friendly
   * exchange cities known by name, counted apart from the sister cities.
   */
  | {
      kind: 'countries';
      most: boolean;
      countries: CountryCities[];
      continents: Tally<Continent>[];
      mixed: Total | null;
      exchange: City[];
    }
  /** `ended`: ties that ended or began winding down in the period asked about. */
  | {
      kind: 'list';
      scope: Scope;
      friendship: City[];
      exchange: City[];
      undated: City[];
      ended: City[];
      list: Total | null;
      exchangeCount: Total | null;
    }
  | { kind: 'undated'; scope: Scope; cities: City[] }
  | { kind: 'partner'; dates: CityDate[]; list: Total | null }
  /** `exchangeCount`: the latest count of friendly exchange cities, of which the data knows a few. */
  | {
      kind: 'notPartner';
      name: string;
      suggestions: City[];
      list: Total | null;
      exchangeCount: Total | null;
      /** The partners in a country the question names, with that country. */
      inCountry: { country: { code: string; name: string; zh: string }; cities: City[] } | null;
    }
  /** `notes`: what the data says about who signed, per partner; empty when it records nothing. */
  /** `person`: whether the notes name anyone ("the two mayors signed" names no one). */
  | { kind: 'signatories'; named: boolean; perCity: { city: City; notes: Note[]; person: boolean }[] }
  | {
      kind: 'distance';
      scope: Scope;
      /** The partners asked about, each with its distance (null without coordinates). */
      named: CityDistance[];
      /** With none named: the three farthest and three closest in scope, as the question asks. */
      farthest: CityDistance[];
      closest: CityDistance[];
      /** How many partners in scope have coordinates, and those in scope that have none. */
      measured: number;
      unmeasured: City[];
      wuhan: Coordinates;
    }
  | { kind: 'city'; dates: CityDate[] };

export interface AnswerContext {
  data: Dataset;
  now: Date;
}

/** What the answer says and on whose authority: sources in the order the answer uses them. */
export interface Answered {
  answer: Answer;
  sources: SourceId[];
  /** The partner cities the answer is about (for a list, every city it names). */
  cities: City[];
}

/**
 * `readings` and `unmatched` come with the intent: the answer names what it read a garble as (and the
 * caveat when that reading is unsure), and says of other places named that they are no partner.
 */
export function answerIntent(
  intent: Intent,
  ctx: AnswerContext,
  readings: Reading[] = [],
  unmatched: Unmatched[] = [],
): Answered {
  const answer = buildAnswer(intent, ctx);
  const readingSources = readings.flatMap((r) => [
    ...(r.as === 'garbled'
      ? r.city.aliases
          .filter((a) => a.kind === 'garbled' && a.text.toLowerCase() === r.typed.toLowerCase())
          .flatMap((a) => a.sources ?? [])
      : []),
    ...(r.doubt?.sources ?? []),
  ]);
  const unmatchedSources = unmatched.length
    ? [...listSources(ctx.data), ...totalSources([latestTotalFor(ctx.data, 'exchange')])]
    : [];
  return {
    answer,
    sources: [...new Set([...readingSources, ...sourcesOf(answer, ctx.data), ...unmatchedSources])],
    cities: citiesOf(answer),
  };
}

/** An answer made elsewhere (from the data's sentences), with its sources and cities. */
export function answered(answer: Answer, data: Dataset): Answered {
  return { answer, sources: sourcesOf(answer, data), cities: citiesOf(answer) };
}

/**
 * Why an exchange city's tier is not certain: its tierNote, else its caveats about the level. Every
 * answer that calls a city a friendly exchange city shows these with it.
 */
export function tierHedges(city: City): Note[] {
  if (city.tier !== 'exchange') return [];
  if (city.tierNote) return [city.tierNote];
  return city.caveats.filter((n) => /\b(level|tier|sister cit|friendship cit|friendly[- ]exchange)/i.test(n.text));
}

// Caveats on whether the tie stands as stated: one side silent about it, another word for it, one
// source only, no formal agreement, a list that may be out of date.
const QUALIFIES_STATUS =
  /\b(not confirmed|report of a signed|do(?:es)? not mention wuhan|calls wuhan an?\b|only one source|no formal twinning|still (?:appears|listed)|winding)/i;

/** A sister city's caveats that qualify its status: every "yes" or status answer shows them. */
export function statusCaveats(city: City): Note[] {
  if (city.tier !== 'friendship' || city.status.state === 'ended') return [];
  return city.caveats.filter((n) => QUALIFIES_STATUS.test(n.text));
}

function hedgeSources(cities: City[]): SourceId[] {
  return cities.flatMap((c) => tierHedges(c).flatMap((n) => n.sources));
}

const dated = (city: City, now: Date): CityDate => ({ city, span: friendshipSpan(city, now) });

/** Wuhan's newest official list of sister cities: the latest total that counts that tier. */
const latestList = (data: Dataset): Total | null => latestTotalFor(data, 'friendship');

function latestWith(data: Dataset, pick: (t: Total) => boolean): Total | null {
  return officialTotals(data).filter(pick).at(-1) ?? null;
}

function inScope(city: City, scope: Scope): boolean {
  // A memorandum, a letter of intent or a district tie is never one of the partner cities asked about.
  if (!isPartner(city)) return false;
  if (scope.tier && city.tier !== scope.tier) return false;
  if (scope.except?.some((c) => c.id === city.id)) return false;
  const inPlace =
    (!scope.country || city.country.code === scope.country.code) &&
    (!scope.continents || scope.continents.includes(city.country.continent)) &&
    (!scope.region || scope.region.codes.includes(city.country.code));
  const placed = scope.country !== undefined || scope.continents !== undefined || scope.region !== undefined;
  return !placed || inPlace !== (scope.outside === true);
}

function buildAnswer(intent: Intent, { data, now }: AnswerContext): Answer {
  switch (intent.kind) {
    case 'empty':
    case 'noWords':
      return { kind: 'unknown', reason: intent.kind, cities: [], closest: [] };
    case 'province': {
      const rows = officialTotals(data).filter((t) => PROVINCE.test(t.note));
      const notes = data.cities.flatMap((city) =>
        [...city.highlights, ...city.caveats].filter((n) => PROVINCE.test(n.text)).map((note) => ({ city, note })),
      );
      return rows.length || notes.length
        ? { kind: 'province', rows, notes }
        : { kind: 'unknown', reason: 'province', cities: [], closest: [] };
    }
    case 'person': {
      const notes = personNotes(intent.name, data);
      return notes.length
        ? { kind: 'person', name: intent.name, notes }
        : { kind: 'unknown', reason: 'notUnderstood', cities: [], closest: [] };
    }
    case 'notUnderstood':
      return { kind: 'unknown', reason: 'notUnderstood', cities: [], closest: [] };
    case 'offTopic':
      return { kind: 'unknown', reason: 'offTopic', cities: intent.cities, closest: [] };
    case 'betweenPartners':
      return { kind: 'unknown', reason: 'betweenPartners', cities: intent.cities, closest: [] };
    case 'compare': {
      // The first or latest sister city by date, set against the partner named (unless it is that one).
      const line = timeline(data, {}).dated.filter((c) => c.tier === 'friendship');
      const other = intent.against === 'first' ? line[0] : intent.against === 'latest' ? line.at(-1) : undefined;
      const cities = other && !intent.cities.some((c) => c.id === other.id) ? [other, ...intent.cities] : intent.cities;
      if (cities.length < 2 && other) return { kind: 'established', dates: cities.map((c) => dated(c, now)) };
      return compareAnswer(
        cities.map((c) => dated(c, now)),
        intent.order,
      );
    }
    case 'names':
      return { kind: 'names', cities: intent.cities, want: intent.want };
    case 'people':
      return {
        kind: 'people',
        role: intent.role,
        today: intent.today,
        perCity: intent.cities.map((city) => ({ city, notes: mayorNotes(city) })),
      };
    case 'sources': {
      const all = officialTotals(data);
      const quoted = all.filter((t) =>
        [t.friendship, t.exchange, t.total, t.countries].some((n) => n != null && intent.figures.includes(n)),
      );
      return { kind: 'sources', cities: intent.cities, about: intent.about, rows: quoted.length ? quoted : all };
    }
    case 'tiers':
      return {
        kind: 'tiers',
        counts: officialTotals(data).filter((t) => t.friendship !== null && t.exchange !== null),
        listed: {
          friendship: data.cities.filter((c) => c.tier === 'friendship'),
          exchange: data.cities.filter((c) => c.tier === 'exchange'),
        },
      };
    case 'decades': {
      const line = timeline(data, {});
      const sister = (c: City) => c.tier === 'friendship';
      const byDecade = new Map<number, City[]>();
      for (const city of line.dated.filter(sister)) {
        const from = Math.floor(Number(city.established!.date.slice(0, 4)) / 10) * 10;
        byDecade.set(from, [...(byDecade.get(from) ?? []), city]);
      }
      const rows = [...byDecade]
        .map(([from, cities]) => ({ from, cities }))
        .sort((a, b) => b.cities.length - a.cities.length || a.from - b.from);
      return { kind: 'decades', rows, undated: line.undated.filter(sister) };
    }
    case 'rank':
      // The ranking is a statement of one report; the total whose note records it carries its source.
      return { kind: 'rank', total: officialTotals(data).find((t) => /sub-provincial/i.test(t.note)) ?? null };
    case 'landmarks': {
      const country = intent.country?.code;
      const from = intent.cities.length
        ? intent.cities
        : data.cities.filter((c) => !country || c.country.code === country);
      return {
        kind: 'landmarks',
        cities: intent.cities,
        items: from.flatMap((city) => city.landmarks.map((landmark) => ({ city, landmark }))),
      };
    }
    case 'status':
      return {
        kind: 'status',
        cities: intent.cities,
        notActive: data.cities.filter((c) => hasEnded(c.status)),
      };
    case 'cooperation': {
      const { topic } = intent;
      const country = intent.country?.code;
      const cities = country
        ? data.cities.filter((c) => isPartner(c) && c.country.code === country).slice(0, 3)
        : intent.cities;
      if (cities.length === 1)
        return {
          kind: 'cooperation',
          city: cities[0]!,
          groups: cooperationOfCity(cities[0]!, topic ?? undefined),
          topic,
        };
      if (cities.length > 1)
        return {
          kind: 'cooperationMany',
          cities,
          topic,
          perCity: cities.map((city) => ({ city, groups: cooperationOfCity(city, topic ?? undefined) })),
        };
      if (topic) return { kind: 'cooperationTopic', topic, partners: cooperationOnTopic(data, topic) };
      return { kind: 'cooperationOverview', topics: cooperationSummary(data) };
    }
    case 'first':
    case 'latest': {
      // "First" and "latest" mean among sister cities unless the exchange tier is named.
      let scope: Scope = { ...intent.scope, tier: intent.scope.tier ?? 'friendship' };
      // "The latest in 2019" with no tie made in 2019 means the latest as of 2019 (Bangkok, 2018).
      if (intent.kind === 'latest' && scope.period?.kind === 'year') {
        const year = scope.period.year;
        const inYear = timeline(data, { from: year, to: year }).dated.filter((c) => inScope(c, scope));
        if (!inYear.length) scope = { ...scope, period: { kind: 'range', range: { to: year } } };
      }
      const range = scope.period ? periodRange(scope.period) : {};
      const line = timeline(data, range);
      const candidates = line.dated.filter((c) => inScope(c, scope));
      const of = intent.kind === 'first' ? intent.of : undefined;
      // An undated partner has no place in the order: its answer says what is known of its date.
      if (of && !candidates.some((c) => c.id === of.id)) return { kind: 'established', dates: [dated(of, now)] };
      const position = of
        ? candidates.findIndex((c) => c.id === of.id) + 1
        : intent.kind === 'first'
          ? intent.position
          : 1;
      const pick = intent.kind === 'first' ? candidates[position - 1] : candidates.at(-1);
      const year = pick?.established?.date.slice(0, 4);
      const sameYear = candidates.filter((c) => c.established?.date.startsWith(year ?? '-'));
      return {
        kind: intent.kind,
        scope,
        position,
        sameYear: sameYear.length > 1 && sameYear.some((c) => c.established?.precision === 'year') ? sameYear : [],
        pick: pick ? dated(pick, now) : null,
        undated: line.undated.filter((c) => inScope(c, scope)),
        others: of ? [] : intent.cities.filter((c) => c.id !== pick?.id).map((c) => dated(c, now)),
        list: latestList(data),
        report: latestWith(data, (t) => t.friendship !== null && t.exchange !== null),
      };
    }
    case 'established':
      return {
        kind: 'established',
        dates: intent.cities.map((c) => dated(c, now)),
        ...(intent.anniversary ? { anniversary: intent.anniversary } : {}),
      };
    case 'elsewhere':
      return {
        kind: 'elsewhere',
        cities: intent.cities,
        country: intent.country,
        // A memorandum or a district tie is no partner to name here.
        there: data.cities.filter((c) => isPartner(c) && c.country.code === intent.country.code),
        dates: intent.when ? intent.cities.map((c) => dated(c, now)) : [],
      };
    case 'totals':
      return { kind: 'totals', focus: intent.focus, rows: officialTotals(data) };
    case 'totalsInYear': {
      const all = officialTotals(data);
      return {
        kind: 'totalsInYear',
        year: intent.year,
        rows: all.filter((t) => t.asOf.date.startsWith(String(intent.year))),
        all,
      };
    }
    case 'countries':
      return {
        kind: 'countries',
        most: intent.most,
        exchange: data.cities.filter((c) => c.tier === 'exchange'),
        countries: partnerCountries(data)
          .map((country) => ({
            country,
            cities: data.cities.filter((c) => c.country.code === country.code && c.tier === 'friendship'),
          }))
          .filter((g) => g.cities.length > 0)
          .sort((a, b) => b.cities.length - a.cities.length || a.country.name.localeCompare(b.country.name)),
        continents: breakdown(data, 'friendship').byContinent,
        mixed: latestWith(data, (t) => t.countries !== undefined),
      };
    case 'list': {
      const scope = intent.scope;
      const line = timeline(data, scope.period ? periodRange(scope.period) : {});
      const inRange = scope.period ? line.dated : [...line.dated, ...line.undated];
      const matching = inRange.filter((c) => inScope(c, scope));
      return {
        kind: 'list',
        scope,
        friendship: matching.filter((c) => c.tier === 'friendship'),
        exchange: matching.filter((c) => c.tier === 'exchange'),
        // A period cannot place an undated tie: name those apart rather than leave them out silently.
        undated: scope.period ? line.undated.filter((c) => inScope(c, scope)) : [],
        ended: scope.period ? endedIn(data, scope) : [],
        list: latestList(data),
        exchangeCount: latestTotalFor(data, 'exchange'),
      };
    }
    case 'undated':
      return {
        kind: 'undated',
        scope: intent.scope,
        cities: data.cities.filter((c) => !c.established && inScope(c, intent.scope)),
      };
    case 'partner':
      return { kind: 'partner', dates: intent.cities.map((c) => dated(c, now)), list: latestList(data) };
    case 'notPartner':
      return {
        kind: 'notPartner',
        name: intent.name,
        suggestions: closeCities(intent.resolution),
        inCountry: intent.country
          ? {
              country: intent.country,
              cities: data.cities.filter((c) => isPartner(c) && c.country.code === intent.country!.code),
            }
          : null,
        list: latestList(data),
        exchangeCount: latestTotalFor(data, 'exchange'),
      };
    case 'signatories': {
      const from = intent.cities.length ? intent.cities : data.cities;
      const perCity = from.map((city) => {
        const notes = signingNotes(city);
        return { city, notes, person: notes.some((n) => namesPerson(n.text, data)) };
      });
      return {
        kind: 'signatories',
        named: intent.cities.length > 0,
        perCity: intent.cities.length ? perCity : perCity.filter((p) => p.notes.length),
      };
    }
    case 'distance':
      return distanceAnswer(intent, data);
    case 'city':
      return { kind: 'city', dates: intent.cities.map((c) => dated(c, now)) };
  }
}

// A note about Hubei province as a whole, not a newspaper or an office named after it.
const PROVINCE = /\bHubei province\b|\bHubei as a whole\b|\bprovince as a whole\b/i;

/** How many characters of an ISO date a precision covers: "1982", "1982-10", "1982-10-08". */
const PRECISION_CHARS = { year: 4, month: 7, day: 10 } as const;

/**
 * Which tie came first (or last). Two dates are compared only as far as both are precise: "1982"
 * and "8 October 1982" cannot be ordered, and the verdict says so rather than guess.
 */
function compareAnswer(dates: CityDate[], order: 'earlier' | 'later'): Answer {
  const undated = dates.filter((d) => !d.city.established);
  const sorted = dates
    .filter((d) => d.city.established)
    .sort((a, b) => a.city.established!.date.localeCompare(b.city.established!.date) * (order === 'earlier' ? 1 : -1));
  const base = { kind: 'compare' as const, order, dates: [...sorted, ...undated] };
  if (undated.length || sorted.length < 2) return { ...base, verdict: null, why: 'undated' };
  const [pick, ...rest] = sorted as [CityDate, ...CityDate[]];
  for (const other of rest) {
    const a = pick.city.established!;
    const b = other.city.established!;
    const chars = Math.min(PRECISION_CHARS[a.precision], PRECISION_CHARS[b.precision]);
    if (a.date.slice(0, chars) === b.date.slice(0, chars)) {
      const same = a.precision === b.precision && a.date === b.date;
      return { ...base, verdict: null, why: same ? 'sameDate' : 'tooCoarse' };
    }
  }
  return { ...base, verdict: pick.city, why: 'ordered' };
}

const MAYOR = /\bmayors?\b|市长/i;

/** A partner's notes that mention a mayor (summary, date notes, highlights, cooperation, caveats). */
function mayorNotes(city: City): Note[] {
  const noteOf = (d: DatedFact | null): Note[] =>
    d?.note && d.noteZh ? [{ text: d.note, textZh: d.noteZh, sources: d.sources }] : [];
  const notes = [
    city.summary,
    ...noteOf(city.established),
    ...city.highlights,
    ...city.cooperation,
    ...city.conflictingDates.flatMap(noteOf),
    ...city.caveats,
  ];
  return notes.filter((n) => MAYOR.test(n.text) || MAYOR.test(n.textZh));
}

/** Partners whose tie ended or began winding down within the scope's period. */
function endedIn(data: Dataset, scope: Scope): City[] {
  const { from, to } = periodRange(scope.period!);
  return data.cities.filter((c) => {
    if (!hasEnded(c.status) || !inScope(c, { ...scope, period: undefined })) return false;
    const year = Number(c.status.date.slice(0, 4));
    return (from === undefined || year >= from) && (to === undefined || year <= to);
  });
}

/** Words of a person's name worth looking for: not titles or filler, at least three letters. */
const NAME_WORD = /[\p{L}\p{M}'-]{3,}/gu;
const NOT_NAME_WORDS = new Set([...PERSON_TITLES, 'the', 'and']);

/**
 * Notes (highlights and caveats) that name the person asked about: the whole name, or its last word
 * (the surname: "Gerich", "Grisch") as a whole word. A first name alone ("John") names too many.
 */
const HAN_NAME = /^\p{Script=Han}+$/u;
const withoutAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

function personNotes(asked: string, data: Dataset): { city: City; note: Note }[] {
  // "alain juppe" finds Alain Juppé: names and sentences are compared without accents.
  const name = withoutAccents(asked);
  const words = [...name.matchAll(NAME_WORD)].map((m) => m[0]).filter((w) => !NOT_NAME_WORDS.has(w.toLowerCase()));
  const escaped = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Chinese has no spaces to mark a word's edges: 格里希 is found inside 的格里希（.
  const edged = (w: string) => (HAN_NAME.test(w) ? escaped(w) : `(?<![\\p{L}])${escaped(w)}(?![\\p{L}])`);
  const patterns = [name, ...words.slice(-1)].map((w) => new RegExp(edged(w), 'iu'));
  // Every sentence of a partner's record: a person may be named in a date's note or a cooperation line.
  const found: { city: City; note: Note }[] = [];
  for (const passage of passageIndex(data).passages) {
    if (!passage.city || passage.field === 'names') continue;
    const text = withoutAccents(passage.text);
    if (patterns.some((p) => p.test(text) || p.test(passage.textZh))) found.push({ city: passage.city, note: passage });
  }
  return found;
}

// A note that says who signed: "signed by …", "the mayors … signed", "signing for Wuhan".
const NAMES_SIGNATORIES =
  /\bsigned by\b|\bsigning for\b|\bsigned\b[^.;]{0,40}\bby\b|\bmayors?\b[^.;]{0,80}\bsigned\b|\bsigned\b[^.;]{0,40}\bmayors?\b|\bsignator/i;

/** The notes of a partner that name who signed its tie (dates' notes, highlights, caveats), each with its sources. */
function signingNotes(city: City): Note[] {
  const noteOf = (d: DatedFact | null): Note[] =>
    d?.note && d.noteZh ? [{ text: d.note, textZh: d.noteZh, sources: d.sources }] : [];
  // The date the data goes by first, then firsts and facts, then what other sources and caveats add.
  const notes = [
    ...noteOf(city.established),
    ...city.highlights,
    ...city.conflictingDates.flatMap(noteOf),
    ...city.caveats,
  ];
  return notes.filter((n) => NAMES_SIGNATORIES.test(n.text));
}

/** Capitalised words that are no one's name: titles, documents, papers, days and months. */
const NOT_A_PERSON = new Set(
  `The A An Mayor Mayors Vice Lord Deputy President City Council Friendship Agreement Memorandum Understanding
   Cooperation Conference International Daily News Times Post University Province Republic Federal People's
   People China Chinese Hubei Wuhan Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
   March April May June July August September October November December Changjiang Office Foreign Affairs`.split(/\s+/),
);
const PERSON_TITLE = /\b(?:Dr|Mr|Mrs|Ms|[Mm]ayor|President|president)\.? (?!of\b)\p{Lu}/u;

/**
 * Whether a note names someone: a title before a name ("mayor Josef Krings", "Dr Lasri"), or two
 * capitalised words in a row that are no title, document, paper, date or place of the data.
 */
function namesPerson(text: string, data: Dataset): boolean {
  if (PERSON_TITLE.test(text)) return true;
  const places = new Set(
    data.cities.flatMap((c) => [c.names.en, c.names.native, c.country.name].flatMap((n) => n.split(' '))),
  );
  for (const m of text.matchAll(/\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+/gu)) {
    const words = m[0].split(/\s+/);
    if (words.every((w) => !NOT_A_PERSON.has(w) && !places.has(w.replace(/['’]s$/, '')))) return true;
  }
  return false;
}

const SHOWN_EXTREMES = 3;

function distanceAnswer(intent: Extract<Intent, { kind: 'distance' }>, data: Dataset): Answer {
  const measure = (city: City): CityDistance => ({
    city,
    km: distanceFromWuhanKm(data, city),
  });
  // "Which sister city is farthest?" means the listed sister cities unless the exchange tier is named.
  const scope: Scope = { ...intent.scope, tier: intent.scope.tier ?? 'friendship' };
  const inRange = scope.period ? timeline(data, periodRange(scope.period)).dated : data.cities;
  const candidates = intent.cities.length ? [] : inRange.filter((c) => inScope(c, scope));
  const ranked = candidates
    .map(measure)
    .filter((d) => d.km !== null)
    .sort((a, b) => b.km! - a.km!);
  return {
    kind: 'distance',
    scope,
    named: intent.cities.map(measure),
    farthest: intent.extreme === 'closest' ? [] : ranked.slice(0, SHOWN_EXTREMES),
    closest: intent.extreme === 'farthest' ? [] : ranked.slice(-SHOWN_EXTREMES).reverse(),
    measured: ranked.length,
    unmeasured: candidates.filter((c) => !c.coordinates),
    wuhan: data.wuhan.coordinates,
  };
}

/** Only what the resolver itself calls close; its weak "none" suggestions are never offered. */
export function closeCities(resolution: Resolution): City[] {
  if (resolution.kind === 'match') return [resolution.city];
  if (resolution.kind === 'ambiguous') return resolution.candidates.slice(0, 3);
  return [];
}

/** Every answer kind says which partners it is about: a new kind that forgets fails to compile. */
function citiesOf(answer: Answer): City[] {
  switch (answer.kind) {
    case 'undated':
      return answer.cities;
    case 'unknown':
    case 'sources':
      return answer.cities;
    case 'status':
      return answer.cities.length ? answer.cities : answer.notActive;
    case 'decades':
      return answer.rows.flatMap((r) => r.cities);
    case 'tiers':
    case 'rank':
    case 'totals':
    case 'totalsInYear':
    case 'cooperationOverview':
      return [];
    case 'passages':
      return unique(answer.hits.flatMap((h) => (h.passage.city ? [h.passage.city] : [])));
    case 'compare':
      return answer.verdict
        ? unique([answer.verdict, ...answer.dates.map((d) => d.city)])
        : answer.dates.map((d) => d.city);
    case 'names':
      return answer.cities;
    case 'people':
      return answer.perCity.map((p) => p.city);
    case 'province':
      return unique(answer.notes.map((n) => n.city));
    case 'landmarks':
      return answer.cities.length ? answer.cities : unique(answer.items.map((i) => i.city));
    case 'cooperation':
      return [answer.city];
    case 'cooperationMany':
      return answer.cities;
    case 'cooperationTopic':
      return answer.partners.map((p) => p.city);
    case 'first':
    case 'latest':
      return [...(answer.pick ? [answer.pick.city] : []), ...answer.others.map((d) => d.city)];
    case 'established':
    case 'partner':
    case 'city':
      return answer.dates.map((d) => d.city);
    case 'elsewhere':
      return answer.cities;
    case 'list':
      return [...answer.friendship, ...answer.exchange, ...answer.undated];
    case 'countries':
      return answer.countries.flatMap((g) => g.cities);
    case 'notPartner':
      return answer.suggestions;
    case 'person':
      return unique(answer.notes.map((n) => n.city));
    case 'signatories':
      return answer.perCity.map((p) => p.city);
    case 'distance':
      return answer.named.length
        ? answer.named.map((d) => d.city)
        : unique([...answer.farthest, ...answer.closest].map((d) => d.city));
  }
}

function unique(cities: City[]): City[] {
  return cities.filter((c, i) => cities.findIndex((o) => o.id === c.id) === i);
}

function totalSources(rows: (Total | null)[]): SourceId[] {
  return rows.flatMap((t) => t?.sources ?? []);
}

/** The sources behind what the answer states, first use first. */
function sourcesOf(answer: Answer, data: Dataset): SourceId[] {
  const ids = ((): SourceId[] => {
    switch (answer.kind) {
      case 'unknown':
        return answer.closest.flatMap((h) => h.passage.sources);
      case 'passages':
        return answer.hits.flatMap((h) => h.passage.sources);
      case 'compare':
        return answer.dates.flatMap((d) => establishedSources(d.city));
      case 'names':
        return answer.cities.flatMap((c) => [
          ...(c.names.zhSources ?? []),
          ...c.aliases.flatMap((a) => (a.kind === 'zh' ? (a.sources ?? []) : [])),
        ]);
      case 'people':
        return answer.perCity.flatMap((p) => p.notes.flatMap((n) => n.sources));
      case 'province':
        return [...totalSources(answer.rows), ...answer.notes.flatMap((n) => n.note.sources)];
      case 'sources':
        if (answer.cities.length) return answer.cities.flatMap(citySourceIds);
        return answer.about === 'totals' ? totalSources(answer.rows) : totalSources(officialTotals(data));
      case 'tiers':
        return [
          ...totalSources(answer.counts),
          ...listSources(data),
          ...answer.listed.exchange.flatMap((c) => c.caveats.flatMap((n) => n.sources)),
          ...hedgeSources(answer.listed.exchange),
        ];
      case 'rank':
        return totalSources([answer.total]);
      case 'decades':
        return answer.rows.flatMap((r) => r.cities.flatMap(establishedSources));
      case 'landmarks':
        return answer.items.flatMap((i) => i.landmark.sources);
      case 'status': {
        const cities = answer.cities.length ? answer.cities : answer.notActive;
        return [
          ...cities.flatMap((c) => statusSourceIds(c.status)),
          ...listSources(data),
          ...hedgeSources(answer.cities),
          ...answer.cities.flatMap((c) => statusCaveats(c).flatMap((n) => n.sources)),
        ];
      }
      case 'cooperation':
        return answer.groups.flatMap((g) => g.entries.flatMap((e) => e.sources));
      case 'cooperationMany':
        return answer.perCity.flatMap((p) => p.groups.flatMap((g) => g.entries.flatMap((e) => e.sources)));
      case 'cooperationTopic':
        return answer.partners.flatMap((p) => p.entries.flatMap((e) => e.sources));
      case 'cooperationOverview':
        return answer.topics.flatMap((t) =>
          t.cities.flatMap((c) => c.cooperation.filter((e) => e.topic === t.topic).flatMap((e) => e.sources)),
        );
      case 'first':
      case 'latest':
        return [
          ...(answer.pick ? establishedSources(answer.pick.city) : []),
          ...answer.others.flatMap((d) => establishedSources(d.city)),
          ...listSources(data),
          ...hedgeSources(citiesOf(answer)),
        ];
      case 'established':
      case 'city':
        return answer.dates.flatMap((d) => [
          ...establishedSources(d.city),
          ...d.city.summary.sources,
          ...(answer.kind === 'city' ? d.city.highlights.flatMap((h) => h.sources) : []),
          ...hedgeSources([d.city]),
        ]);
      case 'partner':
        return [
          ...answer.dates.flatMap((d) => [
            ...establishedSources(d.city),
            ...hedgeSources([d.city]),
            ...statusCaveats(d.city).flatMap((n) => n.sources),
          ]),
          ...listSources(data),
        ];
      case 'totals':
        if (answer.focus === 'exchange')
          return [...totalSources(answer.rows.filter((t) => t.exchange !== null)), ...hedgeSources(data.cities)];
        return totalSources(answer.rows);
      case 'totalsInYear':
        return totalSources(answer.rows.length ? answer.rows : answer.all);
      case 'countries':
        return [...totalSources([answer.mixed]), ...listSources(data)];
      case 'list':
        return [
          ...listSources(data),
          ...totalSources([answer.exchange.length ? answer.exchangeCount : null]),
          ...answer.friendship.concat(answer.exchange).flatMap(establishedSources),
          ...answer.ended.flatMap((c) => statusSourceIds(c.status)),
          ...hedgeSources(answer.exchange),
        ];
      case 'notPartner':
        return [...listSources(data), ...totalSources([answer.exchangeCount])];
      case 'signatories':
        return answer.perCity.flatMap((p) => p.notes.flatMap((n) => n.sources));
      case 'person':
        return answer.notes.flatMap((n) => n.note.sources);
      case 'distance': {
        const shown = answer.named.length ? answer.named : [...answer.farthest, ...answer.closest];
        const measured = shown.filter((d) => d.city.coordinates);
        return [
          ...(measured.length ? answer.wuhan.sources : []),
          ...measured.flatMap((d) => [...d.city.coordinates!.sources, ...(d.city.coordinates!.drawnAt?.sources ?? [])]),
          ...(answer.named.length ? [] : listSources(data)),
        ];
      }
      case 'undated':
        return answer.cities.flatMap(establishedSources);
      case 'elsewhere':
        return [
          ...answer.cities.flatMap((c) => c.summary.sources),
          ...answer.dates.flatMap((d) => establishedSources(d.city)),
          ...hedgeSources(answer.cities),
          ...listSources(data),
        ];
    }
  })();
  return [...new Set(ids)];
}

/**
 * What backs "on Wuhan's list of 28 as of June 2021": the list's own sources, without the reports of
 * a tie ending that its note also cites (an answer about Paris need not cite Arnhem's council vote).
 */
function listSources(data: Dataset): SourceId[] {
  const list = latestList(data);
  if (!list) return [];
  const endings = new Set(data.cities.flatMap((c) => (hasEnded(c.status) ? c.status.sources : [])));
  const own = list.sources.filter((id) => !endings.has(id));
  return own.length ? own : list.sources;
}

function establishedSources(city: City): SourceId[] {
  return [
    ...(city.established?.sources ?? []),
    ...city.conflictingDates.flatMap((d) => d.sources),
    ...(city.established ? [] : city.caveats.flatMap((n) => n.sources)),
    ...(hasEnded(city.status) ? city.status.sources : []),
  ];
}
