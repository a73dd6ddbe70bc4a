// "Which of these cities is in continent X?"
import { continentLabel } from '../../../i18n/names.js';
import { type KindSpec, assemble, cityFact, cityOption, distractors, pickOne, text } from '../build.js';

export const cityInContinent: KindSpec<'city-in-continent'> = {
  kind: 'city-in-continent',
  topic: 'places',
  level: 1,
  subjects: (pool) => [...new Set(pool.active.map((c) => c.country.continent))].sort(),
  build(continent, ctx) {
    const city = pickOne(
      ctx.pool.active.filter((c) => c.country.continent === continent),
      ctx.random,
    );
    if (!city) return null;
    const others = ctx.pool.active.filter((c) => c.country.continent !== continent);
    return assemble(
      ctx,
      this.kind,
      continent,
      text('cityInContinent', (locale) => ({ continent: continentLabel(city.country.continent, locale) })),
      cityOption(city),
      distractors(others, () => false, ctx)?.map(cityOption) ?? null,
      cityFact(ctx, city),
    );
  },
};
