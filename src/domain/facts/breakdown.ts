// What the dataset itself lists, counted several ways (for /count).
import type { City, Continent, Country, Dataset, Tier } from '../../data/types.js';
import { hasEnded, partnerCities } from './partners.js';

export interface Tally<K> {
  key: K;
  count: number;
}

export interface Breakdown {
  cities: City[];
  byTier: Tally<Tier>[];
  /** Most partners first, then by name. */
  byCountry: Tally<Country>[];
  byContinent: Tally<Continent>[];
  /** Decade start year (1970, 1980, ...), oldest first; undated cities are counted in `undated`. */
  byDecade: Tally<number>[];
  undated: number;
  /** Ties that ended or are being wound down; they still count on the official lists they appear on. */
  notActive: City[];
}

function tally<K>(items: K[], keyOf: (k: K) => string = String): Tally<K>[] {
  const map = new Map<string, Tally<K>>();
  for (const item of items) {
    const id = keyOf(item);
    const entry = map.get(id);
    if (entry) entry.count++;
    else map.set(id, { key: item, count: 1 });
  }
  return [...map.values()];
}

export function establishedYear(city: City): number | null {
  return city.established ? Number(city.established.date.slice(0, 4)) : null;
}

/** Partner cities only: a memorandum or a district tie is never counted (see otherTies). */
export function breakdown(data: Dataset, tier?: Tier): Breakdown {
  const cities = tier ? data.cities.filter((c) => c.tier === tier) : partnerCities(data);
  const years = cities.map(establishedYear);
  const decades = years.filter((y): y is number => y !== null).map((y) => Math.floor(y / 10) * 10);
  return {
    cities,
    byTier: tally(cities.map((c) => c.tier)),
    byCountry: tally(
      cities.map((c) => c.country),
      (c) => c.code,
    ).sort((a, b) => b.count - a.count || a.key.name.localeCompare(b.key.name)),
    byContinent: tally(cities.map((c) => c.country.continent)).sort((a, b) => b.count - a.count),
    byDecade: tally(decades).sort((a, b) => a.key - b.key),
    undated: years.filter((y) => y === null).length,
    notActive: cities.filter((c) => hasEnded(c.status)),
  };
}
