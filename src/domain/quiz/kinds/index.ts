// Every kind of quiz question, one entry per QuestionKind. The registry is typed over the union, so a
// kind added to QuestionKind without an entry here (or an entry under the wrong key) does not compile.
// Its order is the order the generator weighs kinds in: seeded games depend on it, so add at the end.
import type { KindSpec } from '../build.js';
import type { QuestionKind } from '../types.js';
import { cityFromChinese, chineseOfCity } from './chinese-names.js';
import { cityInContinent } from './city-in-continent.js';
import { cityInCountry } from './city-in-country.js';
import { cooperation } from './cooperation.js';
import { countryCount } from './country-count.js';
import { countryOfCity } from './country-of-city.js';
import { endedTie } from './ended-tie.js';
import { firstInContinent } from './first-in-continent.js';
import { landmark } from './landmark.js';
import { orderKind } from './order.js';
import { yearEstablished } from './year-established.js';

const REGISTRY: { readonly [K in QuestionKind]: KindSpec<K> } = {
  'country-of-city': countryOfCity,
  'city-in-country': cityInCountry,
  'city-in-continent': cityInContinent,
  'country-count': countryCount,
  'year-established': yearEstablished,
  earliest: orderKind('earliest'),
  latest: orderKind('latest'),
  'first-in-continent': firstInContinent,
  'ended-tie': endedTie,
  landmark,
  cooperation,
  'city-from-chinese': cityFromChinese,
  'chinese-of-city': chineseOfCity,
};

export const KINDS: readonly KindSpec[] = Object.values(REGISTRY);

export function kindSpec(kind: QuestionKind): KindSpec {
  return REGISTRY[kind];
}
