// "Which country is X in?"
import type { Country } from '../../../data/types.js';
import { cityName, countryName } from '../../../i18n/names.js';
import { type KindSpec, type Option, activeCity, assemble, both, cityFact, distractors, text } from '../build.js';

export const countryOfCity: KindSpec<'country-of-city'> = {
  kind: 'country-of-city',
  topic: 'places',
  level: 1,
  subjects: (pool) => pool.active.map((c) => c.id),
  build(id, ctx) {
    const city = activeCity(ctx.pool, id);
    if (!city) return null;
    const option = (country: Country): Option => ({
      value: country.code,
      label: both((locale) => countryName(country, locale)),
    });
    const others = ctx.pool.countries.filter((c) => c.code !== city.country.code);
    const wrong = distractors(others, (c) => c.continent === city.country.continent, ctx);
    return assemble(
      ctx,
      this.kind,
      id,
      text('countryOfCity', (locale) => ({ city: cityName(city, locale) })),
      option(city.country),
      wrong?.map(option) ?? null,
      cityFact(ctx, city),
    );
  },
};
