// The curated dataset: the real files load, and broken files are rejected with a message a curator can act on.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DataError,
  DEFAULT_DATA_DIR,
  FRIENDSHIP_CITY_IDS,
  foldName,
  loadDataset,
  missingFriendshipCities,
  validateDataset,
} from '../src/data/load.js';
import type { City, Dataset, SourceId } from '../src/data/types.js';

const data: Dataset = loadDataset();

function toPinyin(zh: string): string {
  return pinyin(zh, { toneType: 'none', type: 'array' }).join('');
}

/** Every source list of a city, labelled by where it sits. */
function factSources(city: City): [string, SourceId[] | undefined][] {
  const lists: [string, SourceId[] | undefined][] = [['summary', city.summary.sources]];
  if (city.established) lists.push(['established', city.established.sources]);
  city.conflictingDates.forEach((d, i) => lists.push([`conflictingDates[${i}]`, d.sources]));
  // "Not known" is no claim; every other status cites the list or the source that shows it.
  if (city.status.state !== 'unknown' || city.status.sources) lists.push(['status', city.status.sources]);
  if (city.names.zh !== null) lists.push(['names.zh', city.names.zhSources]);
  city.landmarks.forEach((l, i) => lists.push([`landmarks[${i}]`, l.sources]));
  city.cooperation.forEach((c, i) => lists.push([`cooperation[${i}]`, c.sources]));
  city.highlights.forEach((n, i) => lists.push([`highlights[${i}]`, n.sources]));
  city.caveats.forEach((n, i) => lists.push([`caveats[${i}]`, n.sources]));
  city.aliases.forEach((a, i) => {
    if (a.kind === 'garbled' || a.kind === 'zh' || a.sources) lists.push([`aliases[${i}]`, a.sources]);
  });
  return lists;
}

describe('the real dataset', () => {
  it('loads from data/ whatever the working directory', () => {
    expect(DEFAULT_DATA_DIR.replace(/\\/g, '/')).toMatch(/\/data\/?$/);
    expect(data.cities.length).toBeGreaterThanOrEqual(28);
    expect(data.totals.length).toBeGreaterThan(0);
    expect(data.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has all 28 friendship cities of the official list, and on that tier only ties signed after the list', () => {
    expect(missingFriendshipCities(data)).toEqual([]);
    const friendship = data.cities.filter((c) => c.tier === 'friendship');
    expect(friendship.map((c) => c.id)).toEqual(expect.arrayContaining([...FRIENDSHIP_CITY_IDS]));
    const since = friendship.filter((c) => !FRIENDSHIP_CITY_IDS.includes(c.id));
    expect(since.map((c) => c.id)).toEqual(['sao-paulo']);
    for (const city of since) expect(city.established!.date > '2021-06-30').toBe(true);
  });

  it('has unique ids', () => {
    const ids = data.cities.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts cities by establishment date, undated last', () => {
    expect(data.cities[0]?.id).toBe('oita');
    const dates = data.cities.map((c) => c.established?.date ?? '\uffff');
    expect(dates).toEqual([...dates].sort());
  });

  it('never gives one name or alias to two cities', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const city of data.cities) {
      const names = [
        city.names.en,
        city.names.native,
        city.names.nativeLatin,
        city.names.zh,
        ...city.aliases.map((a) => a.text),
      ];
      for (const name of names) {
        if (!name) continue;
        const key = foldName(name);
        const other = owner.get(key);
        if (other !== undefined && other !== city.id) clashes.push(`${name}: ${other} and ${city.id}`);
        owner.set(key, city.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  // 光州 (Gwangju) reads "guangzhou", as 广州 (Guangzhou, China) does: as an alias it would send people
  // asking about Guangzhou to Gwangju, so that reading is left out on purpose.
  const PINYIN_OF_ANOTHER_PLACE = new Set(['guangzhou']);

  it("has pinyin aliases that are exactly pinyin-pro's reading of the Chinese names", () => {
    const wrong: string[] = [];
    for (const city of data.cities) {
      const readings = new Set<string>();
      for (const alias of city.aliases) {
        if (alias.kind === 'zh' || alias.kind === 'unverified-zh')
          readings.add(toPinyin(alias.text.replace(/市$/u, '')));
      }
      const actual = city.aliases.filter((a) => a.kind === 'pinyin').map((a) => a.text);
      // A sourced Chinese name always gets its pinyin; an unverified one may (lookup only).
      if (city.names.zh !== null) {
        const main = toPinyin(city.names.zh.replace(/市$/u, ''));
        readings.add(main);
        if (!actual.includes(main) && !PINYIN_OF_ANOTHER_PLACE.has(main))
          wrong.push(`${city.id}: missing pinyin alias "${main}"`);
      }
      for (const p of actual)
        if (!readings.has(p)) wrong.push(`${city.id}: "${p}" is not the pinyin of any of its Chinese names`);
    }
    expect(wrong).toEqual([]);
  });

  it('backs every fact of every city with known sources', () => {
    const unsourced: string[] = [];
    for (const city of data.cities) {
      for (const [where, sources] of factSources(city)) {
        if (!sources || sources.length === 0) unsourced.push(`${city.id} ${where}: no source`);
        for (const id of sources ?? []) if (!data.sources.has(id)) unsourced.push(`${city.id} ${where}: unknown ${id}`);
      }
    }
    for (const total of data.totals) {
      for (const id of total.sources)
        if (!data.sources.has(id)) unsourced.push(`total ${total.asOf.date}: unknown ${id}`);
    }
    expect(unsourced).toEqual([]);
  });

  it('hedges the level of the friendly-exchange cities that no source places on that tier outright', () => {
    const noted = data.cities.filter((c) => c.tierNote !== undefined).map((c) => c.id);
    expect(noted).toEqual(expect.arrayContaining(['st-louis', 'daegu', 'san-francisco', 'sydney']));
    expect(data.cities.filter((c) => c.tierNote !== undefined && c.tier !== 'exchange')).toEqual([]);
  });

  it('names every region in Chinese too, in the form the Chinese prose uses', () => {
    const borlange = data.cities.find((c) => c.id === 'borlange');
    expect(borlange?.regionZh).toBe('达拉纳省');
    expect(borlange?.summary.textZh).toContain(borlange?.regionZh);
    for (const city of data.cities) expect(city.regionZh === null).toBe(city.region === null);
  });

  it('marks Arnhem as ended and keeps conflicting dates only where sources disagree', () => {
    const arnhem = data.cities.find((c) => c.id === 'arnhem');
    expect(arnhem?.status).toMatchObject({ state: 'ended', date: '2021-07-21' });
    const manchester = data.cities.find((c) => c.id === 'manchester');
    expect(manchester?.established).toMatchObject({ date: '1986-10', precision: 'month' });
    expect(manchester?.conflictingDates).toEqual([]);
  });
});

// --- broken files ----------------------------------------------------------------------------

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

// Fixtures are edited as loose JSON on purpose: the point is to write what the types forbid.
type Json = Record<string, any>;

/** A copy of the real sources, totals and two cities in a temp "data" dir, edited by `edit`. */
function fixture(edit: (files: { oita: Json; pittsburgh: Json; sources: Json; totals: Json }) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'youcheng-data-'));
  tempDirs.push(root);
  const dir = join(root, 'data');
  mkdirSync(join(dir, 'cities'), { recursive: true });
  const read = (path: string): Json => JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, path), 'utf8')) as Json;
  const files = {
    oita: read('cities/oita.json'),
    pittsburgh: read('cities/pittsburgh.json'),
    sources: read('sources.json'),
    totals: read('totals.json'),
  };
  edit(files);
  writeFileSync(join(dir, 'cities', 'oita.json'), JSON.stringify(files.oita));
  writeFileSync(join(dir, 'cities', 'pittsburgh.json'), JSON.stringify(files.pittsburgh));
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(files.sources));
  writeFileSync(join(dir, 'totals.json'), JSON.stringify(files.totals));
  return dir;
}

function problemsOf(dir: string): string {
  try {
    loadDataset(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).message;
  }
  throw new Error('expected the dataset to be rejected');
}

describe('broken files', () => {
  it('accepts the unedited fixture, and reports the cities it lacks', () => {
    const dataset = loadDataset(fixture(() => {}));
    expect(dataset.cities.map((c) => c.id)).toEqual(['oita', 'pittsburgh']);
    expect(missingFriendshipCities(dataset)).toContain('duisburg');
  });

  it('rejects an impossible date, naming file, city and field', () => {
    const dir = fixture(({ oita }) => {
      oita.established.date = '1979-13-07';
    });
    expect(problemsOf(dir)).toContain(
      'data/cities/oita.json: city "oita": established.date: "1979-13-07" is not a valid date',
    );
  });

  it('rejects a date that does not match its precision, and a future date', () => {
    const dir = fixture(({ oita, pittsburgh }) => {
      oita.established.precision = 'month';
      pittsburgh.established = { date: '2999-01', precision: 'month', sources: ['S6'] };
    });
    const message = problemsOf(dir);
    expect(message).toContain(
      'data/cities/oita.json: city "oita": established.date: "1979-09-07" does not match precision "month"',
    );
    expect(message).toContain(
      'data/cities/pittsburgh.json: city "pittsburgh": established.date: "2999-01" is in the future',
    );
  });

  it('rejects displayed Chinese text that uses an unverified Chinese name', () => {
    const dir = fixture(({ oita }) => {
      oita.aliases.push({ text: '大分县', kind: 'unverified-zh' });
      oita.summary.textZh = `${oita.summary.textZh}大分县`;
    });
    expect(problemsOf(dir)).toContain(
      'data/cities/oita.json: city "oita": summary.textZh: uses the unverified Chinese name "大分县"; write the Latin name instead',
    );
  });

  it('rejects a fact without a source', () => {
    const dir = fixture(({ oita, pittsburgh }) => {
      delete oita.highlights[0].sources;
      pittsburgh.cooperation[0].sources = [];
    });
    const message = problemsOf(dir);
    expect(message).toContain('data/cities/oita.json: city "oita": highlights[0].sources: is missing');
    expect(message).toContain(
      'data/cities/pittsburgh.json: city "pittsburgh": cooperation[0].sources: must name at least one source',
    );
  });

  it('rejects a garbled alias or a Chinese name without a source', () => {
    const dir = fixture(({ oita }) => {
      oita.aliases = oita.aliases.map((a: Json) => (a.kind === 'garbled' ? { text: a.text, kind: a.kind } : a));
      delete oita.names.zhSources;
    });
    const message = problemsOf(dir);
    expect(message).toMatch(/city "oita": aliases\[\d+\]\.sources: is missing: a "garbled" alias needs a source/);
    expect(message).toContain('city "oita": names.zhSources: is missing');
  });

  it('rejects a date note without its Chinese version, a Chinese version without the note, and one with no Chinese', () => {
    const dir = fixture(({ oita, pittsburgh }) => {
      oita.established.note = 'Signed in Ōita.';
      delete pittsburgh.established.note;
      pittsburgh.established.noteZh = '在匹兹堡签署。';
      pittsburgh.conflictingDates = [
        { date: '1982', precision: 'year', sources: ['S6'], note: 'Year only.', noteZh: 'Year only.' },
      ];
    });
    const message = problemsOf(dir);
    expect(message).toContain(
      'data/cities/oita.json: city "oita": established.noteZh: is missing: a note needs its Chinese version',
    );
    expect(message).toContain(
      'city "pittsburgh": established.note: is missing: noteZh needs the English note it translates',
    );
    expect(message).toContain(
      'city "pittsburgh": conflictingDates[0].noteZh: "Year only." must contain Chinese characters',
    );
  });

  it('rejects a Chinese region that does not go with the English one', () => {
    const dir = fixture(({ oita, pittsburgh }) => {
      oita.regionZh = null;
      pittsburgh.regionZh = 'Pennsylvania';
    });
    const message = problemsOf(dir);
    expect(message).toContain(
      'data/cities/oita.json: city "oita": regionZh: is null but region is "Ōita Prefecture": give its Chinese name',
    );
    expect(message).toContain('city "pittsburgh": regionZh: "Pennsylvania" must contain Chinese characters');
    const noRegion = fixture(({ oita }) => {
      oita.region = null;
    });
    expect(problemsOf(noRegion)).toContain('city "oita": regionZh: "大分县" must be null when region is null');
  });

  it('rejects a landmark without its Chinese name', () => {
    const dir = fixture(({ oita }) => {
      delete oita.landmarks[0].zh;
    });
    expect(problemsOf(dir)).toContain('data/cities/oita.json: city "oita": landmarks[0].zh: is missing');
  });

  it('rejects a cooperation sentence that does not name its city, since it is shown without the card', () => {
    const dir = fixture(({ oita, pittsburgh }) => {
      oita.cooperation[0].text = 'Oita sends trade delegations to Wuhan.'; // an alias names the city too
      oita.cooperation[0].textZh = '大分派经贸团参加武汉的展会。';
      pittsburgh.cooperation[0].text = 'The two cities have two pairs of sister schools.';
      pittsburgh.cooperation[0].textZh = '两市有两对姐妹学校。';
    });
    const message = problemsOf(dir);
    expect(message).not.toContain('city "oita": cooperation');
    expect(message).toContain(
      'data/cities/pittsburgh.json: city "pittsburgh": cooperation[0].text: "The two cities have two pairs of sister schools." must name the city ("Pittsburgh" or an alias)',
    );
    expect(message).toContain(
      'city "pittsburgh": cooperation[0].textZh: "两市有两对姐妹学校。" must name the city ("匹兹堡")',
    );
  });

  it('asks the Chinese cooperation sentence for the English name when no source gave a Chinese one', () => {
    const dir = fixture(({ pittsburgh }) => {
      pittsburgh.names.zh = null;
      delete pittsburgh.names.zhSources;
    });
    expect(problemsOf(dir)).toContain(
      'city "pittsburgh": cooperation[1].textZh: "据武汉2000年代的一份友城介绍，匹兹堡与武汉有两对姐妹学校。" must name the city ("Pittsburgh")',
    );
  });

  it("allows a note on an uncertain tier for any tier but a sister city's", () => {
    const note = { text: 'Level not stated.', textZh: '级别未说明。', sources: ['S2'] };
    const dir = fixture(({ oita }) => {
      oita.tierNote = note;
    });
    expect(problemsOf(dir)).toContain('data/cities/oita.json: city "oita": tierNote: is not for tier "friendship"');
    const exchange = fixture(({ pittsburgh }) => {
      // Pittsburgh's file stands in for an exchange city: the check is about the tier, not the city.
      pittsburgh.tier = 'exchange';
      pittsburgh.tierNote = note;
    });
    expect(problemsOf(exchange)).not.toContain('tierNote');
  });

  it('rejects a status without a source: "active" must say what shows it, "unknown" must say so', () => {
    const dir = fixture(({ oita, pittsburgh }) => {
      oita.status = { state: 'active' };
      pittsburgh.status = { state: 'unknown' };
    });
    const message = problemsOf(dir);
    expect(message).toContain(
      'data/cities/oita.json: city "oita": status.basis: is missing: say whether the official list or another source shows the tie current',
    );
    expect(message).toContain(
      'data/cities/oita.json: city "oita": status.sources: is missing: an active status needs the source that shows it',
    );
    expect(message).toContain('data/cities/pittsburgh.json: city "pittsburgh": status.note: is missing');
    expect(message).toContain('data/cities/pittsburgh.json: city "pittsburgh": status.noteZh: is missing');
  });

  it('rejects "on the official list" that does not cite the list and its date', () => {
    const dir = fixture(({ oita, pittsburgh }) => {
      oita.status = {
        state: 'active',
        basis: 'official-list',
        asOf: { date: '2019-04-17', precision: 'day' },
        sources: ['S1'],
      };
      pittsburgh.status = { state: 'active', basis: 'source', sources: ['S7'] };
    });
    const message = problemsOf(dir);
    expect(message).toContain(
      'data/cities/oita.json: city "oita": status.asOf: {"date":"2019-04-17","precision":"day"} must be the official list\'s date, 2021-06-30',
    );
    expect(message).toContain('data/cities/oita.json: city "oita": status.sources: must cite the official list (S2)');
    expect(message).toContain(
      'data/cities/pittsburgh.json: city "pittsburgh": status.asOf: is missing: date the source that shows the tie current',
    );
  });

  it('rejects an unknown tier, and a sister city off the official list that predates it', () => {
    const dir = fixture(({ oita }) => {
      oita.tier = 'twin';
    });
    expect(problemsOf(dir)).toContain(
      'data/cities/oita.json: city "oita": tier: "twin" is not one of friendship, exchange, memorandum, district, unstated',
    );
    const root = fixture(() => {});
    const sister = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'cities', 'sao-paulo.json'), 'utf8')) as Json;
    sister.established.date = '2020-11-11';
    writeFileSync(join(root, 'cities', 'sao-paulo.json'), JSON.stringify(sister));
    expect(problemsOf(root)).toContain(
      'data/cities/sao-paulo.json: city "sao-paulo": tier: "friendship" but "sao-paulo" is not on the official list of 2021-06-30: only a tie signed after it may be a sister city here',
    );
  });

  it('rejects dates that disagree without saying what kind of document each one dates', () => {
    const dir = fixture(({ pittsburgh }) => {
      pittsburgh.conflictingDates = [{ date: '1982-10', precision: 'month', sources: ['S6'] }];
    });
    const message = problemsOf(dir);
    expect(message).toContain(
      'data/cities/pittsburgh.json: city "pittsburgh": established.document: is missing: sources give different dates, so say what kind of document this date belongs to',
    );
    expect(message).toContain(
      'data/cities/pittsburgh.json: city "pittsburgh": conflictingDates[0].document: is missing',
    );
    const stated = fixture(({ pittsburgh }) => {
      pittsburgh.established.document = 'agreement';
      pittsburgh.conflictingDates = [{ date: '1982-10', precision: 'month', sources: ['S6'], document: 'treaty' }];
    });
    expect(problemsOf(stated)).toContain(
      'city "pittsburgh": conflictingDates[0].document: "treaty" is not one of agreement, memorandum, intent, announcement, not-stated',
    );
  });

  it('rejects an official-list date with no total of that date, and a loose figure of unknown kind', () => {
    const dir = fixture(({ totals }) => {
      totals.listAsOf = '2021-07-01';
      totals.totals[0].qualifier = 'roughly';
    });
    const message = problemsOf(dir);
    expect(message).toContain('data/totals.json: listAsOf: "2021-07-01": no total of sister cities has that date');
    expect(message).toContain('data/totals.json: totals[0].qualifier: "roughly" is not one of more-than, about');
  });

  it('rejects an unknown source id', () => {
    const dir = fixture(({ oita }) => {
      oita.summary.sources = ['S3', 'S999'];
    });
    expect(problemsOf(dir)).toContain(
      'data/cities/oita.json: city "oita": summary.sources[1]: unknown source id "S999"',
    );
  });

  it('rejects a source defined twice, or a page given a second id', () => {
    const dir = fixture(({ oita, sources }) => {
      sources.sources.push({ ...sources.sources[0] });
      oita.sources.push({ id: 'oita-copy', url: sources.sources[3].url, title: 'A copy' });
    });
    const message = problemsOf(dir);
    expect(message).toContain('data/sources.json: source "S1": id: "S1" is already defined in data/sources.json');
    expect(message).toContain('data/cities/oita.json: city "oita": source "oita-copy": url: is already source "S4"');
  });

  it('rejects a local source id that is not shared, and a URL that is not http(s)', () => {
    const dir = fixture(({ pittsburgh, oita }) => {
      pittsburgh.summary.sources = ['oita-hubei-gov-2016'];
      oita.sources[0].url = 'ftp://example.org/oita';
    });
    const message = problemsOf(dir);
    expect(message).toContain('city "pittsburgh": summary.sources[0]: unknown source id "oita-hubei-gov-2016"');
    expect(message).toContain(
      'city "oita": source "oita-hubei-gov-2016": url: "ftp://example.org/oita" is not an http(s) URL',
    );
  });

  it('rejects the same alias claimed by two cities, compared without case, accents or 市', () => {
    const dir = fixture(({ pittsburgh }) => {
      pittsburgh.aliases.push({ text: 'ŌITA', kind: 'spelling' }, { text: '大分市', kind: 'zh', sources: ['S65'] });
    });
    const message = problemsOf(dir);
    expect(message).toMatch(
      /data\/cities\/pittsburgh\.json: city "pittsburgh": aliases\[\d+\]\.text: "ŌITA" is also claimed by city "oita"/,
    );
    expect(message).toMatch(/city "pittsburgh": aliases\[\d+\]\.text: "大分市" is also claimed by city "oita"/);
  });

  it('rejects an unknown key such as a misspelt field', () => {
    const dir = fixture(({ oita }) => {
      oita.establihsed = oita.established;
      oita.landmarks[0].locaton = 'partner';
    });
    const message = problemsOf(dir);
    expect(message).toContain('data/cities/oita.json: city "oita": establihsed: unknown key');
    expect(message).toContain('data/cities/oita.json: city "oita": landmarks[0].locaton: unknown key');
  });

  it('rejects a wrong type or a value outside its union', () => {
    const dir = fixture(({ oita, pittsburgh }) => {
      oita.region = 42;
      oita.aliases = 'Oita';
      pittsburgh.country.code = 'usa';
      pittsburgh.country.continent = 'America';
      pittsburgh.cooperation[0].topic = 'business';
    });
    const message = problemsOf(dir);
    expect(message).toContain('data/cities/oita.json: city "oita": region: must be a string, got a number');
    expect(message).toContain('city "oita": aliases: must be an array, got a string');
    expect(message).toContain('city "pittsburgh": country.code: "usa" is not an ISO 3166-1 alpha-2 code');
    expect(message).toContain('city "pittsburgh": country.continent: "America" is not one of');
    expect(message).toContain('city "pittsburgh": cooperation[0].topic: "business" is not one of');
  });

  it('rejects an id that does not match its file name, and a missing field', () => {
    const dir = fixture(({ pittsburgh }) => {
      pittsburgh.id = 'pittsburg';
      delete pittsburgh.summary;
    });
    const message = problemsOf(dir);
    expect(message).toContain(
      'data/cities/pittsburgh.json: city "pittsburg": id: "pittsburg" must equal the file name "pittsburgh"',
    );
    expect(message).toContain('city "pittsburg": summary: is missing');
  });

  it('reports problems of several files at once, listing at most 20', () => {
    const dir = fixture(({ oita, pittsburgh, totals }) => {
      for (const note of [...oita.highlights, ...pittsburgh.cooperation]) note.sources = ['nope'];
      oita.region = '';
      totals.totals[0].friendship = -1;
    });
    const error = (() => {
      try {
        loadDataset(dir);
      } catch (e) {
        return e as DataError;
      }
      throw new Error('expected the dataset to be rejected');
    })();
    expect(error.problems.length).toBeGreaterThan(8);
    expect(error.problems).toContain('data/cities/oita.json: city "oita": region: must not be empty');
    expect(error.problems).toContain('data/totals.json: totals[0].friendship: -1 must be a whole number >= 0 or null');
    expect(error.message.split('\n').filter((line) => line.startsWith('  - ')).length).toBe(
      Math.min(20, error.problems.length),
    );
  });

  it('reports a file that is not JSON instead of crashing', () => {
    const dir = fixture(() => {});
    writeFileSync(join(dir, 'cities', 'oita.json'), '{ "id": "oita", ');
    expect(problemsOf(dir)).toMatch(/^ {2}- data\/cities\/oita\.json: is not valid JSON/m);
  });

  it('validates in-memory records against a given day', () => {
    const copy = fixture(() => {});
    const read = (path: string): unknown => JSON.parse(readFileSync(join(copy, path), 'utf8'));
    const raw = {
      sources: { file: 'sources.json', data: read('sources.json') },
      totals: { file: 'totals.json', data: read('totals.json') },
      cities: [{ file: 'cities/oita.json', data: read('cities/oita.json') }],
    };
    expect(validateDataset(raw).cities).toHaveLength(1);
    expect(() => validateDataset(raw, { today: '1979-09-06' })).toThrow(
      'cities/oita.json: city "oita": established.date: "1979-09-07" is in the future',
    );
  });
});

describe('foldName', () => {
  it('folds case, diacritics, spacing, punctuation and a trailing 市', () => {
    expect(foldName('Győr')).toBe(foldName('GYOR'));
    expect(foldName('St. Pölten')).toBe(foldName('st polten'));
    expect(foldName('大分市')).toBe(foldName('大分'));
    expect(foldName('İzmir')).toBe(foldName('izmir'));
  });
});
