// Official totals (what Wuhan announced) and how much of them the dataset covers.
import type { Dataset, Tier, Total } from '../../data/types.js';

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
