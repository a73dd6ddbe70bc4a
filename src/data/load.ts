// Reads data/ synchronously at start-up and hands back a validated Dataset.
// Synchronous on purpose: it runs once, before anything else can use the data, and takes a few ms.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from './types.js';
import { DataError, type RawFile, validateDataset, type ValidateOptions } from './validate.js';

export { DataError, FRIENDSHIP_CITY_IDS, foldName, missingFriendshipCities, validateDataset } from './validate.js';
export type { RawDataset, RawFile, ValidateOptions } from './validate.js';

/** <repo>/data, found from this module's location so the cwd does not matter. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/**
 * Loads sources.json, totals.json and cities/*.json from `dir`, validates everything and returns the
 * Dataset, cities sorted by establishment date (undated last), then id. Throws DataError listing every
 * problem, each naming the file, record and field.
 */
export function loadDataset(dir: string = DEFAULT_DATA_DIR, options: ValidateOptions = {}): Dataset {
  // Messages name files as "<dir name>/cities/x.json" ("data/cities/oita.json"), whatever the cwd.
  const label = basename(dir);
  const citiesDir = join(dir, 'cities');
  let cityFiles: string[] = [];
  try {
    cityFiles = readdirSync(citiesDir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    throw new DataError([`${label}/cities: cannot be read: ${messageOf(error)}`]);
  }
  return validateDataset(
    {
      sources: readJson(join(dir, 'sources.json'), `${label}/sources.json`),
      totals: readJson(join(dir, 'totals.json'), `${label}/totals.json`),
      cities: cityFiles.map((name) => readJson(join(citiesDir, name), `${label}/cities/${name}`)),
    },
    options,
  );
}

function readJson(path: string, file: string): RawFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { file, data: undefined, readError: `cannot be read: ${messageOf(error)}` };
  }
  try {
    return { file, data: JSON.parse(text) as unknown };
  } catch (error) {
    return { file, data: undefined, readError: `is not valid JSON: ${messageOf(error)}` };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
