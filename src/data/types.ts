// The dataset's shape. Every layer imports these types; nothing here knows about Discord.
// The JSON files in data/ are validated against these shapes by src/data/validate.ts.

/** Key into data/sources.json, e.g. "S1" or "duisburg-rp-online". */
export type SourceId = string;

export interface Source {
  id: SourceId;
  url: string;
  /** Short human title: outlet and what the page is. */
  title: string;
  /** Set when the page is a mirror, a re-post or a low-quality aggregator. */
  quality?: 'mirror' | 'repost' | 'low' | 'machine-translated';
  note?: string;
}

/**
 * The level of a tie, as its sources state it:
 * - friendship: an international friendship (sister) city, 友好城市;
 * - exchange: a friendly exchange or friendly cooperation city, 友好交流城市 / 友好合作城市;
 * - memorandum: only a memorandum or letter of intent so far, not a partner city;
 * - district: a tie between one of Wuhan's districts and a district abroad, not a city-level partner;
 * - unstated: a city sources show at Wuhan's partner events without saying at which level.
 * Only the first two are partner cities (see PARTNER_TIERS in src/domain/facts/partners.ts).
 */
export type Tier = 'friendship' | 'exchange' | 'memorandum' | 'district' | 'unstated';
/** The tiers at which a city is one of Wuhan's partner cities, the two that Wuhan's totals count. */
export type PartnerTier = 'friendship' | 'exchange';

/** What kind of document a date belongs to; stated wherever sources give different dates. */
export type DocumentKind = 'agreement' | 'memorandum' | 'intent' | 'announcement' | 'not-stated';
export type Continent = 'Asia' | 'Europe' | 'Africa' | 'North America' | 'South America' | 'Oceania';
export type Precision = 'day' | 'month' | 'year';

/** A date as precise as the sources allow: "1979-09-07", "1982-09" or "2007". */
export interface FuzzyDate {
  date: string;
  precision: Precision;
}

export interface DatedFact extends FuzzyDate {
  sources: SourceId[];
  /** True when the date is worked out (from an anniversary, a report's date), not stated outright. */
  inferred?: boolean;
  /**
   * Set when a source suggests the tie began later than this date without giving another date
   * (Ashdod: a later, undated agreement). A dated disagreement goes into `conflictingDates` instead.
   */
  doubt?: 'possibly-later';
  /**
   * The document this date belongs to: an agreement, a memorandum, a declaration or letter of intent,
   * an announcement, or 'not-stated'. Required on every date of a city whose sources disagree.
   */
  document?: DocumentKind;
  /** Own-words remark, e.g. "October per a mirrored BBC feature; other sources give only 1986". */
  note?: string;
  /** The same remark in simplified Chinese; present exactly when `note` is. */
  noteZh?: string;
}

export type AliasKind =
  | 'spelling' // without diacritics, other romanizations: Borlange, Gyor, Kiev
  | 'old' // former names: Kiev, Raab
  | 'local' // the native name in its script: Київ, 청주
  | 'language' // other languages' exonyms: Kiew, Chalcis
  | 'zh' // Chinese forms other than the main one: 大分, 清州
  | 'pinyin' // pinyin of the Chinese name, generated and checked by a test: dafen, duyisibao
  | 'garbled' // machine-translation errors seen in the 2019 article: Dacha, Qingzhou
  | 'unverified-zh'; // a standard transliteration no source showed: used for lookup only, never displayed as fact

export interface Alias {
  text: string;
  kind: AliasKind;
  /** Required for 'garbled' and 'zh'; optional for plain spellings. */
  sources?: SourceId[];
}

export interface CityNames {
  en: string;
  /** The name in the city's own language and script: 大分市, Київ, กรุงเทพมหานคร. */
  native: string;
  /** Latin transcription of `native` when it is in another script: "Ōita-shi", "Kyiv". */
  nativeLatin?: string;
  /** Chinese name as a source wrote it, or null when no source showed one. */
  zh: string | null;
  zhSources?: SourceId[];
}

export interface Country {
  name: string;
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  zh: string;
  continent: Continent;
}

/**
 * Whether the tie is current, and on what evidence. Every state cites its source, or says that it is
 * not known:
 * - active, basis 'official-list': on Wuhan's latest official list, citing that list, as of its date;
 * - active, basis 'source': a dated source (or a partner's own current list) shows it current;
 * - unknown: no source says; the note says what is known;
 * - ended / phasing-out: with the date, reason and source.
 */
export type CityStatus =
  | {
      state: 'active';
      basis: 'official-list' | 'source';
      /** The date of the evidence: the list's date, or the source's. Absent for an undated current page. */
      asOf?: FuzzyDate;
      sources: SourceId[];
      note?: string;
      noteZh?: string;
    }
  | { state: 'unknown'; note: string; noteZh: string; sources?: SourceId[] }
  | {
      state: 'ended' | 'phasing-out';
      date: string;
      precision: Precision;
      /** Own words: who ended it and why. */
      reason: string;
      reasonZh: string;
      sources: SourceId[];
    };

/** Every cooperation topic, in the order menus show them; the validator and the views share it. */
export const TOPICS = [
  'trade',
  'education',
  'health',
  'environment',
  'culture',
  'sport',
  'transport',
  'science',
  'urban',
  'governance',
] as const;
export type Topic = (typeof TOPICS)[number];

export interface Landmark {
  name: string;
  /** The Chinese name, as the Chinese description calls it. */
  zh: string;
  /** Where it stands. */
  location: 'partner' | 'wuhan';
  description: string;
  descriptionZh: string;
  sources: SourceId[];
}

export interface Cooperation {
  topic: Topic;
  /** Own words, one sentence. */
  text: string;
  textZh: string;
  year?: number;
  sources: SourceId[];
}

export interface Note {
  text: string;
  textZh: string;
  sources: SourceId[];
}

/** A point on the globe (WGS 84 degrees) and where it comes from: a GeoNames record for every one here. */
export interface Coordinates {
  lat: number;
  lon: number;
  sources: SourceId[];
  /**
   * Set for a partner that is not one place (Essonne, a département): the place whose point this is,
   * its seat, so that a map or a distance says what it stands for.
   */
  drawnAt?: { name: string; nameZh: string; sources: SourceId[] };
}

export interface City {
  /** Stable, lowercase ascii slug: "oita", "sankt-poelten". Never reused. */
  id: string;
  tier: Tier;
  /**
   * Why the tier is not certain, for friendly-exchange cities whose level no source states outright
   * (St. Louis calls itself a sister city; Daegu's "Friendship City" is its own lower tier).
   */
  tierNote?: Note;
  names: CityNames;
  aliases: Alias[];
  country: Country;
  /** Province, state or county, in English; null where no source names it. */
  region: string | null;
  /** The same region's standard Chinese name (达拉纳省, 北莱茵-威斯特法伦州); null exactly when `region` is. */
  regionZh: string | null;
  /** Null when no gazetteer has a point for it; a département is drawn at its seat (see `drawnAt`). */
  coordinates: Coordinates | null;
  /** Null when no source gives a date. */
  established: DatedFact | null;
  /** Other dates that other sources give; present only where sources disagree. */
  conflictingDates: DatedFact[];
  status: CityStatus;
  landmarks: Landmark[];
  cooperation: Cooperation[];
  /** Firsts and other notable facts: "Wuhan's first sister city", "first German–Chinese twinning". */
  highlights: Note[];
  /** Own-words summary of the relationship, two or three sentences. */
  summary: Note;
  /** Caveats about the record itself: "level not stated", "no establishment date found". */
  caveats: Note[];
}

export interface Total {
  /** As-of date of the figure. */
  asOf: FuzzyDate;
  friendship: number | null;
  exchange: number | null;
  /** Both tiers together where the source gives that; may mix tiers (see note). */
  total: number | null;
  countries?: number;
  /** Set when the source gives its figures loosely: "more than 110" ('more-than'), "about 107" ('about'). */
  qualifier?: 'more-than' | 'about';
  note: string;
  noteZh: string;
  sources: SourceId[];
}

export interface Dataset {
  cities: City[];
  /** Where Wuhan itself is: the other end of every arc on the map. */
  wuhan: { coordinates: Coordinates };
  totals: Total[];
  sources: Map<SourceId, Source>;
  /** The date the curated data was last checked against its sources. */
  asOf: string;
}
