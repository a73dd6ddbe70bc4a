// "Which was Wuhan's first sister city in continent X?"
import type { Continent } from '../../../data/types.js';
import { formatDate } from '../../../i18n/index.js';
import { cityName, continentLabel } from '../../../i18n/names.js';
import {
  type KindSpec,
  assemble,
  cityOption,
  distractors,
  firstByContinent,
  nearYears,
  shuffle,
  text,
} from '../build.js';
import { DISTRACTORS, sourcesOf } from '../pool.js';

export const firstInContinent: KindSpec<'first-in-continent'> = {
  kind: 'first-in-continent',
  topic: 'dates',
  level: 2,
  subjects: (pool) => [...firstByContinent(pool).keys()].sort(),
  build(continent, ctx) {
    const first = firstByContinent(ctx.pool).get(continent as Continent);
    if (!first) return null;
    const city = first.city;
    const neighbours = shuffle(
      ctx.pool.active.filter((c) => c.country.continent === continent && c !== city),
      ctx.random,
    ).slice(0, DISTRACTORS);
    const elsewhere = ctx.pool.dated.filter((d) => d.city.country.continent !== continent);
    const fill = distractors(elsewhere, nearYears(first), ctx)?.map((d) => d.city) ?? [];
    const wrong = [...neighbours, ...fill].slice(0, DISTRACTORS);
    const sources = sourcesOf(ctx.pool.data, city.established!.sources);
    return assemble(
      ctx,
      this.kind,
      continent,
      text('firstInContinent', (locale) => ({ continent: continentLabel(city.country.continent, locale) })),
      cityOption(city),
      wrong.map(cityOption),
      sources && {
        text: text('factFirstInContinent', (locale) => ({
          city: cityName(city, locale),
          continent: continentLabel(city.country.continent, locale),
          date: formatDate(city.established!, locale),
        })),
        sources,
      },
    );
  },
};
