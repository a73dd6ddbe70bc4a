// Relationships in the order they were established.
import { byEstablished } from '../../data/order.js';
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
