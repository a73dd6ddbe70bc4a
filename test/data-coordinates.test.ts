// The loader's checks on coordinates: every city says where it is (or null), in range, with a
// source; Wuhan's own place is required. Messages name file, record and field, like the others.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError, DEFAULT_DATA_DIR, loadDataset } from '../src/data/load.js';

type Json = Record<string, any>;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Real sources, totals and Ōita in a temp data dir, after `edit`. */
function fixture(edit: (files: { oita: Json; totals: Json }) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'youcheng-coords-'));
  dirs.push(root);
  const dir = join(root, 'data');
  mkdirSync(join(dir, 'cities'), { recursive: true });
  const read = (path: string): Json => JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, path), 'utf8')) as Json;
  const files = { oita: read('cities/oita.json'), totals: read('totals.json') };
  edit(files);
  writeFileSync(join(dir, 'cities', 'oita.json'), JSON.stringify(files.oita));
  writeFileSync(join(dir, 'totals.json'), JSON.stringify(files.totals));
  writeFileSync(join(dir, 'sources.json'), readFileSync(join(DEFAULT_DATA_DIR, 'sources.json')));
  return dir;
}

function problems(dir: string): string {
  try {
    loadDataset(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).message;
  }
  return '';
}

describe('coordinates in data/', () => {
  it('load as numbers with their source', () => {
    const data = loadDataset(fixture(() => {}));
    expect(data.cities[0]?.coordinates).toEqual({ lat: 33.23333, lon: 131.6, sources: ['geonames-1854487'] });
    expect(data.wuhan.coordinates.sources).toEqual(['geonames-1791247']);
  });

  it('may be null, but not left out', () => {
    expect(loadDataset(fixture(({ oita }) => void (oita.coordinates = null))).cities[0]?.coordinates).toBeNull();
    expect(problems(fixture(({ oita }) => delete oita.coordinates))).toContain(
      'data/cities/oita.json: city "oita": coordinates: is missing',
    );
  });

  it('must be in range and sourced by a known source', () => {
    const message = problems(
      fixture(({ oita }) => {
        oita.coordinates = { lat: 95, lon: '131.6', sources: ['nowhere'] };
      }),
    );
    expect(message).toContain('coordinates.lat: 95 must be a number of degrees between -90 and 90');
    expect(message).toContain('coordinates.lon: "131.6" must be a number of degrees between -180 and 180');
    expect(message).toContain('coordinates.sources[0]: unknown source id "nowhere"');
  });

  it('of Wuhan are required in totals.json', () => {
    expect(problems(fixture(({ totals }) => delete totals.wuhan))).toContain('data/totals.json: wuhan: is missing');
    expect(problems(fixture(({ totals }) => void (totals.wuhan.coordinates.lon = 400)))).toContain(
      'data/totals.json: wuhan.coordinates.lon: 400 must be a number of degrees between -180 and 180',
    );
  });
});
