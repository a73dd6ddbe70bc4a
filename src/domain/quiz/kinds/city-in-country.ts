// "Which of these cities is in country X?"
import { countryInProse } from '../../../i18n/names.js';
import { type KindSpec, assemble, cityFact, cityOption, distractors, pickOne, sameContinent, text } from '../build.js';

export const cityInCountry: KindSpec<'city-in-country'> = {
  kind: 'city-in-country',
  topic: 'places',
  level: 1,
  subjects: (pool) => pool.countries.map((c) => c.code),
  build(code, ctx) {
    const inCountry = ctx.pool.active.filter((c) => c.country.code === code);
    const city = pickOne(inCountry, ctx.random);
    if (!city) return null;
    const others = ctx.pool.active.filter((c) => c.country.code !== code);
    const wrong = distractors(others, sameContinent(city), ctx);
    return assemble(
      ctx,
      this.kind,
      code,
      text('cityInCountry', (locale) => ({ country: countryInProse(city.country, locale) })),
      cityOption(city),
      wrong?.map(cityOption) ?? null,
      cityFact(ctx, city),
    );
  },
};
