// Official totals (what Wuhan announced) and how much of them the dataset covers.
import { FRIENDSHIP_CITY_IDS } from '../../data/validate.js';
import type { City, Dataset, FuzzyDate, PartnerTier, SourceId, Total } from '../../data/types.js';

/** Oldest first. */
export function officialTotals(data: Dataset): Total[] {
  return [...data.totals].sort((a, b) => a.asOf.date.localeCompare(b.asOf.date));
}

/** The newest official figure for one tier, or null when no total states it. */
export function latestTotalFor(data: Dataset, tier: PartnerTier): Total | null {
  let latest: Total | null = null;
  for (const total of data.totals) {
    if (total[tier] === null) continue;
    if (!latest || total.asOf.date > latest.asOf.date) latest = total;
  }
  return latest;
}

/** The newest figure for all partner cities together (both tiers), whatever its breakdown. */
export function latestAllPartnerTotal(data: Dataset): Total | null {
  let latest: Total | null = null;
  for (const total of data.totals) {
    if (total.total === null || total.qualifier === 'about') continue;
    if (!latest || total.asOf.date > latest.asOf.date) latest = total;
  }
  return latest;
}

export interface FriendshipList {
  /** How many sister cities the list names. */
  count: number;
  asOf: FuzzyDate;
  /** The page that gives the list (a total's first source states its figure; later ones add to its note). */
  sources: SourceId[];
}

/** Wuhan's newest list of international friendship cities, which every sister city in the data is on. */
export function friendshipList(data: Dataset): FriendshipList | null {
  const total = latestTotalFor(data, 'friendship');
  if (!total || total.friendship === null) return null;
  return { count: total.friendship, asOf: total.asOf, sources: total.sources.slice(0, 1) };
}

export interface TierCoverage {
  /** Cities of this tier the dataset describes. */
  listed: number;
  /** The newest official count of this tier, with its date. */
  official: Total | null;
  /** Sister cities signed after the official list, so in no official count. */
  since?: City[];
}

export interface Coverage {
  friendship: TierCoverage;
  exchange: TierCoverage;
  /** When the data was last checked against its sources. */
  asOf: string;
}

export function coverage(data: Dataset): Coverage {
  const listed = (tier: PartnerTier) => data.cities.filter((c) => c.tier === tier).length;
  // Sister cities are compared with the official list they are on; one signed after it is told apart.
  const onList = data.cities.filter((c) => c.tier === 'friendship' && FRIENDSHIP_CITY_IDS.includes(c.id));
  return {
    friendship: {
      listed: onList.length,
      official: latestTotalFor(data, 'friendship'),
      since: data.cities.filter((c) => c.tier === 'friendship' && !FRIENDSHIP_CITY_IDS.includes(c.id)),
    },
    exchange: { listed: listed('exchange'), official: latestTotalFor(data, 'exchange') },
    asOf: data.asOf,
  };
}
