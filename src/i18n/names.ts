// What the data's cities, countries, continents and cooperation topics are called in each language.
// Every layer that names them (quiz questions, views, command choices) takes the names from here.
import type { City, Continent, Country, Topic } from '../data/types.js';
import { defineMessages, type Locale } from './index.js';

const t = defineMessages('names', {
  en: {
    continentAsia: 'Asia',
    continentEurope: 'Europe',
    continentAfrica: 'Africa',
    continentNorthAmerica: 'North America',
    continentSouthAmerica: 'South America',
    continentOceania: 'Oceania',
    topicTrade: 'Trade',
    topicEducation: 'Education',
    topicHealth: 'Health',
    topicEnvironment: 'Environment and water',
    topicCulture: 'Culture',
    topicSport: 'Sport',
    topicTransport: 'Transport and logistics',
    topicScience: 'Science and technology',
    topicUrban: 'Urban development',
    topicGovernance: 'Governance and civil affairs',
  },
  'zh-CN': {
    continentAsia: '亚洲',
    continentEurope: '欧洲',
    continentAfrica: '非洲',
    continentNorthAmerica: '北美洲',
    continentSouthAmerica: '南美洲',
    continentOceania: '大洋洲',
    topicTrade: '经贸',
    topicEducation: '教育',
    topicHealth: '医疗卫生',
    topicEnvironment: '环境与水务',
    topicCulture: '文化',
    topicSport: '体育',
    topicTransport: '交通与物流',
    topicScience: '科技',
    topicUrban: '城市发展',
    topicGovernance: '政务与民政',
  },
});

/** The name a reader of this locale knows the city by: the sourced Chinese name in zh-CN, else English. */
export function cityName(city: City, locale: Locale): string {
  return locale === 'zh-CN' && city.names.zh ? city.names.zh : city.names.en;
}

/**
 * For a partner drawn at its seat rather than at a point of its own (Essonne, a département), the
 * seat's name in this locale: maps and distances say what they stand for. Null for every city.
 */
export function seatName(city: City, locale: Locale): string | null {
  const at = city.coordinates?.drawnAt;
  if (!at) return null;
  return locale === 'zh-CN' ? at.nameZh : at.name;
}

export function countryName(country: Pick<Country, 'name' | 'zh'>, locale: Locale): string {
  return locale === 'zh-CN' ? country.zh : country.name;
}

/** Countries English names with "the" inside a sentence: "in the United States", "in the Netherlands". */
const WITH_ARTICLE = new Set(['US', 'GB', 'NL', 'CZ', 'PH', 'AE', 'BS', 'GM', 'DO', 'CF', 'KM', 'MV', 'MH', 'SB']);

/** The country's name as it reads inside a sentence: "the United States" in English, "美国" in Chinese. */
export function countryInProse(country: Pick<Country, 'code' | 'name' | 'zh'>, locale: Locale): string {
  const name = countryName(country, locale);
  return locale === 'en' && WITH_ARTICLE.has(country.code) ? `the ${name}` : name;
}

/**
 * A decade by its first year: "1970s" / "20世纪70年代", "2010s" / "2010年代". The 1900s read as the data's
 * Chinese prose writes them; from 2000 on, "21世纪00年代" is stilted and "2000年代" is what people write.
 */
export function decadeLabel(decade: number, locale: Locale): string {
  if (locale === 'en') return `${decade}s`;
  if (decade >= 2000) return `${decade}年代`;
  return `${Math.floor(decade / 100) + 1}世纪${String(decade % 100).padStart(2, '0')}年代`;
}

const CONTINENT_KEYS = {
  Asia: 'continentAsia',
  Europe: 'continentEurope',
  Africa: 'continentAfrica',
  'North America': 'continentNorthAmerica',
  'South America': 'continentSouthAmerica',
  Oceania: 'continentOceania',
} as const satisfies Record<Continent, string>;

export function continentLabel(continent: Continent, locale: Locale): string {
  return t(locale, CONTINENT_KEYS[continent]);
}

const TOPIC_KEYS = {
  trade: 'topicTrade',
  education: 'topicEducation',
  health: 'topicHealth',
  environment: 'topicEnvironment',
  culture: 'topicCulture',
  sport: 'topicSport',
  transport: 'topicTransport',
  science: 'topicScience',
  urban: 'topicUrban',
  governance: 'topicGovernance',
} as const satisfies Record<Topic, string>;

export function topicLabel(topic: Topic, locale: Locale): string {
  return t(locale, TOPIC_KEYS[topic]);
}
