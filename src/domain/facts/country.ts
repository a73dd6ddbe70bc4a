// Partners grouped by country.
import type { City, Country, Dataset } from '../../data/types.js';
import { byEstablished } from './timeline.js';

/** The partners in one country (by ISO code), oldest tie first, undated last. */
export function citiesInCountry(data: Dataset, code: string): City[] {
  const wanted = code.toUpperCase();
  return data.cities.filter((c) => c.country.code === wanted).sort(byEstablished);
}

/** Every country the dataset has a partner in, by English name. */
export function partnerCountries(data: Dataset): Country[] {
  const byCode = new Map<string, Country>();
  for (const city of data.cities) byCode.set(city.country.code, city.country);
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name));
}
