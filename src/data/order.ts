// The dataset's one order of cities, used wherever a list of them is shown oldest first.
import type { City } from './types.js';

/**
 * Oldest tie first; undated ties last. A coarse date ("1982") sorts before finer ones in the same
 * period ("1982-10-08"); ties on the date go by English name, then by id, so the order is total.
 */
export function byEstablished(a: City, b: City): number {
  const da = a.established?.date;
  const db = b.established?.date;
  if (da !== db) {
    if (da === undefined) return 1;
    if (db === undefined) return -1;
    return da < db ? -1 : 1;
  }
  return a.names.en.localeCompare(b.names.en) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
