// "How many sister cities does Wuhan have in country X?"
import { formatList } from '../../../i18n/index.js';
import { cityName, countryInProse } from '../../../i18n/names.js';
import { type KindSpec, type Option, assemble, both, maybeSisterCity, text } from '../build.js';
import { DISTRACTORS, OPTION_COUNT } from '../pool.js';

export const countryCount: KindSpec<'country-count'> = {
  kind: 'country-count',
  topic: 'places',
  level: 3,
  // A country with an ended or fading tie, or a city of uncertain level, is left out: whether that
  // city counts is unclear.
  subjects: (pool) =>
    pool.countries
      .filter(
        (country) =>
          !pool.data.cities.some(
            (c) => c.country.code === country.code && maybeSisterCity(c) && !pool.active.includes(c),
          ) &&
          // The fact cites the official list, so a country with a sister city signed after it is left out.
          !pool.active.some(
            (c) =>
              c.country.code === country.code && !(c.status.state === 'active' && c.status.basis === 'official-list'),
          ),
      )
      .map((c) => c.code),
  build(code, ctx) {
    const cities = ctx.pool.active.filter((c) => c.country.code === code);
    const country = cities[0]?.country;
    if (!country || !ctx.pool.listSource) return null;
    const count = cities.length;
    const lowest = Math.max(1, count - DISTRACTORS);
    const first = lowest + Math.floor(ctx.random() * (count - lowest + 1));
    const numbers = Array.from({ length: OPTION_COUNT }, (_, i) => first + i);
    const option = (n: number): Option => ({ value: String(n), label: both(() => String(n)) });
    return assemble(
      ctx,
      this.kind,
      code,
      text('countryCount', (locale) => ({ country: countryInProse(country, locale) })),
      option(count),
      numbers.filter((n) => n !== count).map(option),
      {
        text: text(count === 1 ? 'factCountryListOne' : 'factCountryList', (locale) => ({
          country: countryInProse(country, locale),
          cities: formatList(
            cities.map((c) => cityName(c, locale)),
            locale,
          ),
        })),
        sources: [ctx.pool.listSource],
      },
    );
  },
};
