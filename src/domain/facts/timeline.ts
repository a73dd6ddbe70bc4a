// Relationships in the order they were established.
import type { City, Dataset } from '../../data/types.js';
import { establishedYear } from './breakdown.js';

export interface YearRange {
  from?: number;
  to?: number;
}

export interface Timeline {
  /** Dated ties within the range, oldest first. */
  dated: City[];
  /** Ties no source dates: they cannot be placed in any range, so they are always listed apart. */
  undated: City[];
}

/** Oldest first; a coarse date ("1982") sorts before finer ones in the same period ("1982-10-08"). */
export function byEstablished(a: City, b: City): number {
  if (!a.established || !b.established)
    return a.established ? -1 : b.established ? 1 : a.names.en.localeCompare(b.names.en);
  return a.established.date.localeCompare(b.established.date) || a.names.en.localeCompare(b.names.en);
}

export function timeline(data: Dataset, range: YearRange = {}): Timeline {
  const dated: City[] = [];
  const undated: City[] = [];
  for (const city of data.cities) {
    const year = establishedYear(city);
    if (year === null) undated.push(city);
    else if ((range.from === undefined || year >= range.from) && (range.to === undefined || year <= range.to)) {
      dated.push(city);
    }
  }
  return { dated: dated.sort(byEstablished), undated: undated.sort(byEstablished) };
}
