// Official totals (what Wuhan announced) and how much of them the dataset covers.
import type { Dataset, FuzzyDate, SourceId, Tier, Total } from '../../data/types.js';

/** Oldest first. */
export function officialTotals(data: Dataset): Total[] {
  return [...data.totals].sort((a, b) => a.asOf.date.localeCompare(b.asOf.date));
}

/** The newest official figure for one tier, or null when no total states it. */
export function latestTotalFor(data: Dataset, tier: Tier): Total | null {
  let latest: Total | null = null;
  for (const total of data.totals) {
    if (total[tier] === null) continue;
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
}

export interface Coverage {
  friendship: TierCoverage;
  exchange: TierCoverage;
  /** When the data was last checked against its sources. */
  asOf: string;
}

export function coverage(data: Dataset): Coverage {
  const listed = (tier: Tier) => data.cities.filter((c) => c.tier === tier).length;
  return {
    friendship: { listed: listed('friendship'), official: latestTotalFor(data, 'friendship') },
    exchange: { listed: listed('exchange'), official: latestTotalFor(data, 'exchange') },
    asOf: data.asOf,
  };
}
