// Everything the resolver looks names up in, built once per dataset.
import { byEstablished } from '../../data/order.js';
import type { Dataset } from '../../data/types.js';
import { CountryNames, compact, fold, isSyllabic, worldCountryForms } from '../text.js';
import {
  FUSE_OPTIONS,
  type FuzzyRecord,
  buildCountryKeys,
  buildNames,
  codePointLength,
  firstChar,
  groupBy,
  uniqueCountries,
} from './names.js';
import Fuse from 'fuse.js';

/** The indexes every look-up reads: built once per dataset by buildCityIndex. */
export type CityIndex = ReturnType<typeof buildCityIndex>;

export function buildCityIndex(data: Dataset) {
  const cities = data.cities;
  const names = buildNames(cities);
  const byKey = groupBy(names, (name) => name.key);
  const bySpaced = groupBy(names, (name) => name.spaced);
  const fuzzyNames = names.filter((name) => name.fuzzy);
  const fuzzyByInitial = groupBy(
    fuzzyNames.filter((name) => !name.unspaced),
    (name) => firstChar(name.key),
  );
  const unspacedNames = names.filter((name) => name.unspaced && codePointLength(name.key) >= 2);
  // One fuse collection per initial: a typo must keep the first letter (see typoBudget), so nothing
  // is lost, and a search over a handful of records costs microseconds instead of ~250 µs over all.
  const fuseByInitial = new Map<string, Fuse<FuzzyRecord>>();
  for (const [initial, group] of groupBy(fuzzyNames, (name) => firstChar(name.key))) {
    fuseByInitial.set(
      initial,
      new Fuse(
        group.map((name) => ({ name, key: name.key })),
        FUSE_OPTIONS,
      ),
    );
  }
  const longestFuzzyKey = Math.max(0, ...fuzzyNames.map((name) => codePointLength(name.key)));

  // Countries: the dataset's own first, then every other country, so "Paraguay" is known not to be ours.
  const datasetCountries = uniqueCountries(cities);
  const datasetCodes = new Set(datasetCountries.map((country) => country.code));
  const countryByCode = new Map(datasetCountries.map((country) => [country.code, country]));
  const countryForms: [string, string][] = datasetCountries.flatMap((country): [string, string][] => [
    [country.name, country.code],
    [country.zh, country.code],
  ]);
  for (const form of worldCountryForms()) countryForms.push([form[0], form[1]]);
  const countryNames = new CountryNames(countryForms, new Set(byKey.keys()), datasetCodes);
  const countryKeys = buildCountryKeys(countryForms, datasetCodes);
  const countryByKey = new Map<string, string>();
  for (const [name, code] of countryForms) {
    const key = compact(fold(name));
    if (key && !countryByKey.has(key)) countryByKey.set(key, code);
  }
  for (const country of datasetCountries) countryByKey.set(country.code.toLowerCase(), country.code);
  const cityById = new Map(cities.map((city) => [city.id, city]));
  // What an empty field offers: the sister cities, oldest tie first (undated last), then the exchange cities.
  const byTierThenDate = [...cities].sort((a, b) =>
    a.tier === b.tier ? byEstablished(a, b) : a.tier === 'friendship' ? -1 : 1,
  );
  const chineseCountryNames = new Set(countryForms.map(([name]) => fold(name)).filter((name) => isSyllabic(name)));
  const regionWords = cities.map((city) => new Set(city.region ? fold(city.region).split(' ') : []));
  return {
    cities,
    names,
    byKey,
    bySpaced,
    fuzzyNames,
    fuzzyByInitial,
    unspacedNames,
    fuseByInitial,
    longestFuzzyKey,
    datasetCountries,
    datasetCodes,
    countryByCode,
    countryForms,
    countryNames,
    countryKeys,
    countryByKey,
    cityById,
    byTierThenDate,
    chineseCountryNames,
    regionWords,
  };
}
