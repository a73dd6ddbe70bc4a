// Which ties are partner cities, and how many sister cities there are as of when. A memorandum, a
// letter of intent or a district-level tie is shown as what it is and never counted as a partner.
import { FRIENDSHIP_CITY_IDS } from '../../data/validate.js';
import type { City, CityStatus, Dataset, FuzzyDate, PartnerTier, SourceId, Tier } from '../../data/types.js';
import { friendshipList, type FriendshipList } from './totals.js';

export const PARTNER_TIERS: readonly PartnerTier[] = ['friendship', 'exchange'];

export function isPartnerTier(tier: Tier): tier is PartnerTier {
  return tier === 'friendship' || tier === 'exchange';
}

/** A sister city or a friendly exchange / cooperation city. */
export function isPartner(city: Pick<City, 'tier'>): boolean {
  return isPartnerTier(city.tier);
}

export function partnerCities(data: Pick<Dataset, 'cities'>): City[] {
  return data.cities.filter(isPartner);
}

/** Memoranda, letters of intent, district-level ties and ties of unstated level: never counted. */
export function otherTies(data: Pick<Dataset, 'cities'>): City[] {
  return data.cities.filter((c) => !isPartner(c));
}

export type EndedStatus = Extract<CityStatus, { state: 'ended' | 'phasing-out' }>;

/** An end or a phase-out, with its date and reason; 'active' and 'unknown' are neither. */
export function hasEnded(status: CityStatus): status is EndedStatus {
  return status.state === 'ended' || status.state === 'phasing-out';
}

/** What a city's status cites: the list, the dated source, the end; none for an unsourced "unknown". */
export function statusSourceIds(status: CityStatus): SourceId[] {
  return status.sources ?? [];
}

export interface SisterCityCount {
  /** Wuhan's latest official list: how many it names, its date and source. */
  list: FriendshipList;
  /** Sister cities on that list (ended and phasing-out ones too: they are on it). */
  onList: City[];
  /** Sister cities signed after the list, newest last: not in any official count. */
  since: City[];
  /** Listed ties ended or being phased out since. */
  notActive: City[];
}

/**
 * "28 on the official list of 30 June 2021; São Paulo signed on 11 November 2025": the list's own
 * figure with its date, and what sources add after it. Never a sum that no source published.
 */
export function sisterCityCount(data: Dataset): SisterCityCount | null {
  const list = friendshipList(data);
  if (!list) return null;
  const listed = new Set(FRIENDSHIP_CITY_IDS);
  const friendship = data.cities.filter((c) => c.tier === 'friendship');
  const since = friendship
    .filter((c) => !listed.has(c.id))
    .sort((a, b) => (a.established?.date ?? '').localeCompare(b.established?.date ?? ''));
  const onList = friendship.filter((c) => listed.has(c.id));
  return { list, onList, since, notActive: onList.filter((c) => hasEnded(c.status)) };
}

/** The date a city's tie begins for "signed on": its established date. */
export function signedOn(city: City): FuzzyDate | null {
  return city.established;
}

/** On Wuhan's latest official list of sister cities (ended and phasing-out ties included). */
export function onOfficialList(city: Pick<City, 'id'>): boolean {
  return FRIENDSHIP_CITY_IDS.includes(city.id);
}
