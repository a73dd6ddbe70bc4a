// A hand-made dataset with the awkward cases in it: a disputed date, an inferred one, none at all,
// an ended tie, a landmark named after its own city, one with quotes in its name, one in Wuhan, a
// cooperation sentence that does not name its city, a date with several sources, and a friendly-exchange city of uncertain level.
import type { City, Continent, Dataset, DatedFact, Landmark, Note } from '../../src/data/types.js';

type LandmarkSpec = string | Pick<Landmark, 'name' | 'zh' | 'location'>;

interface CitySpec {
  id: string;
  country: [name: string, code: string, zh: string, continent: Continent];
  date?: DatedFact;
  zh?: string;
  conflicting?: DatedFact[];
  ended?: boolean;
  landmarks?: LandmarkSpec[];
  topics?: City['cooperation'][number]['topic'][];
  /** Cooperation sentences, in place of ones that name the city. */
  cooperationText?: [en: string, zh: string];
  /** Makes it a friendly-exchange city; with a note, one whose level is uncertain. */
  exchange?: { tierNote?: Note };
}

function makeCity(spec: CitySpec): City {
  const en = spec.id[0]!.toUpperCase() + spec.id.slice(1);
  const [name, code, zh, continent] = spec.country;
  return {
    id: spec.id,
    tier: spec.exchange ? 'exchange' : 'friendship',
    ...(spec.exchange?.tierNote ? { tierNote: spec.exchange.tierNote } : {}),
    names: { en, native: en, zh: spec.zh ?? null, ...(spec.zh ? { zhSources: ['S1'] } : {}) },
    aliases: [],
    country: { name, code, zh, continent },
    region: 'Somewhere',
    regionZh: '某地',
    coordinates: null,
    established: spec.date ?? null,
    conflictingDates: spec.conflicting ?? [],
    status: spec.ended
      ? {
          state: 'ended',
          date: '2021-07-21',
          precision: 'day',
          reason: `${en}'s council voted in 2021 to end the tie.`,
          reasonZh: `2021年，${en}市议会投票终止了关系。`,
          sources: ['S2'],
        }
      : spec.exchange
        ? {
            state: 'unknown',
            note: 'No source says whether the tie is current.',
            noteZh: '没有来源说明这一关系是否存续。',
          }
        : { state: 'active', basis: 'official-list', asOf: { date: '2021-06-30', precision: 'day' }, sources: ['S2'] },
    landmarks: (spec.landmarks ?? []).map((l) => {
      const { name, zh, location } =
        typeof l === 'string' ? { name: l, zh: `${l}（中文）`, location: 'partner' as const } : l;
      return {
        name,
        zh,
        location,
        description: `${name}, opened in ${en} by both mayors in 1999.`,
        descriptionZh: `1999年在${en}落成的${zh}。`,
        sources: ['S3'],
      };
    }),
    cooperation: (spec.topics ?? []).map((topic) => {
      const [text, textZh] = spec.cooperationText ?? [
        `${en} and Wuhan signed a ${topic} agreement in 2001.`,
        `${en}与武汉于2001年签署${topic}协议。`,
      ];
      return { topic, text, textZh, sources: ['S3'] };
    }),
    highlights: [],
    summary: { text: `${en} is a sister city. It is nice.`, textZh: `${en}是友好城市。很好。`, sources: ['S1'] },
    caveats: [],
  };
}

const UNCERTAIN: Note = { text: 'It calls itself a sister city.', textZh: '它自称友好城市。', sources: ['S2'] };

const day = (date: string, extra: Partial<DatedFact> = {}): DatedFact => ({
  date,
  precision: 'day',
  sources: ['S1'],
  ...extra,
});
const year = (date: string, extra: Partial<DatedFact> = {}): DatedFact => ({
  date,
  precision: 'year',
  sources: ['S1'],
  ...extra,
});

export function tinyDataset(): Dataset {
  const cities = [
    makeCity({
      id: 'alpha',
      country: ['Japan', 'JP', '日本', 'Asia'],
      date: day('1980-05-01', { sources: ['S1', 'S2'] }),
      zh: '阿尔法',
      landmarks: ['Alpha Tower', 'Friendship Garden'],
      topics: ['trade'],
    }),
    makeCity({
      id: 'beta',
      country: ['Germany', 'DE', '德国', 'Europe'],
      date: year('1985'),
      topics: ['culture'],
      landmarks: [{ name: '"Wuhan China" S-Bahn train', zh: '“中国武汉号”列车', location: 'partner' }],
    }),
    makeCity({
      id: 'gamma',
      country: ['France', 'FR', '法国', 'Europe'],
      date: { date: '1990-03', precision: 'month', sources: ['S1'] },
      zh: '伽马',
      landmarks: [{ name: 'Harbour Park', zh: '海港公园', location: 'wuhan' }],
    }),
    makeCity({
      id: 'delta',
      country: ['United States', 'US', '美国', 'North America'],
      date: year('1995'),
      zh: '德尔塔',
    }),
    makeCity({
      id: 'theta',
      country: ['Mexico', 'MX', '墨西哥', 'North America'],
      date: year('2001'),
      topics: ['urban'],
      cooperationText: [
        'Urban projects were added to the commitments in 2003.',
        '2003年，城市建设项目被列入合作承诺。',
      ],
    }),
    makeCity({ id: 'epsilon', country: ['Kenya', 'KE', '肯尼亚', 'Africa'], date: year('2000') }),
    makeCity({
      id: 'disputed',
      country: ['Italy', 'IT', '意大利', 'Europe'],
      date: year('1988'),
      conflicting: [year('1989')],
    }),
    makeCity({ id: 'guessed', country: ['Spain', 'ES', '西班牙', 'Europe'], date: year('2005', { inferred: true }) }),
    makeCity({
      id: 'ended',
      country: ['Netherlands', 'NL', '荷兰', 'Europe'],
      date: year('1999'),
      ended: true,
      topics: ['trade'],
    }),
    makeCity({ id: 'zeta', country: ['Brazil', 'BR', '巴西', 'South America'], date: year('2010'), zh: '泽塔' }),
    makeCity({ id: 'eta', country: ['Australia', 'AU', '澳大利亚', 'Oceania'] }),
    // Undated, and perhaps a sister city: North America's first sister city is then not certain.
    makeCity({
      id: 'iota',
      country: ['United States', 'US', '美国', 'North America'],
      exchange: { tierNote: UNCERTAIN },
    }),
  ];
  const source = (id: string) => [id, { id, url: `https://example.org/${id}`, title: `Source ${id}` }] as const;
  return {
    cities,
    wuhan: { coordinates: { lat: 30.58, lon: 114.27, sources: ['S1'] } },
    totals: [
      {
        asOf: { date: '2021-06-30', precision: 'day' },
        friendship: cities.length,
        exchange: null,
        total: null,
        note: 'All of them.',
        noteZh: '全部。',
        sources: ['S1'],
      },
    ],
    sources: new Map([source('S1'), source('S2'), source('S3')]),
    asOf: '2026-01-01',
  };
}
