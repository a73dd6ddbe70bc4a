// Partners grouped by country.
import type { City, Country, Dataset } from '../../data/types.js';
import { compact, fold, worldCountryForms } from '../text.js';
import { byEstablished } from '../../data/order.js';
import { otherTies, partnerCities } from './partners.js';

/** The partner cities in one country (by ISO code), oldest tie first, undated last. */
export function citiesInCountry(data: Dataset, code: string): City[] {
  const wanted = code.toUpperCase();
  return partnerCities(data)
    .filter((c) => c.country.code === wanted)
    .sort(byEstablished);
}

/** Memoranda, district ties and ties of unstated level in one country: shown apart, never counted. */
export function otherTiesInCountry(data: Dataset, code: string): City[] {
  const wanted = code.toUpperCase();
  return otherTies(data)
    .filter((c) => c.country.code === wanted)
    .sort(byEstablished);
}

/** Every country the dataset has a partner city in, by English name. */
export function partnerCountries(data: Dataset): Country[] {
  const byCode = new Map<string, Country>();
  for (const city of partnerCities(data)) byCode.set(city.country.code, city.country);
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** A country as the runtime's ICU data names it, for countries the dataset has no partner in. */
export type WorldCountry = Pick<Country, 'code' | 'name' | 'zh'>;

let worldByName: Map<string, string> | undefined;

/**
 * Any real country by its English or Chinese name ("Brazil", "巴西"), partner or not, so "no partner
 * there" can be told apart from "no such country". Null for anything else.
 */
export function worldCountry(name: string): WorldCountry | null {
  if (!worldByName) {
    worldByName = new Map();
    for (const [form, code] of worldCountryForms()) {
      const key = compact(fold(form));
      if (key && !worldByName.has(key)) worldByName.set(key, code);
    }
  }
  const code = worldByName.get(compact(fold(name)));
  if (!code) return null;
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
  const chinese = new Intl.DisplayNames(['zh-Hans'], { type: 'region', fallback: 'none' }).of(code);
  return english ? { code, name: english, zh: chinese ?? english } : null;
}
