// "In which year did Wuhan twin with X?"
import { cityName } from '../../../i18n/names.js';
import { type KindSpec, type Option, assemble, both, datedById, distractors, establishedFact, text } from '../build.js';
import { EARLIEST_OPTION_YEAR, YEAR_SPREAD } from '../pool.js';

export const yearEstablished: KindSpec<'year-established'> = {
  kind: 'year-established',
  topic: 'dates',
  level: 2,
  subjects: (pool) => pool.dated.map((d) => d.city.id),
  build(id, ctx) {
    const dated = datedById(ctx.pool, id);
    if (!dated) return null;
    const spread = YEAR_SPREAD[ctx.difficulty];
    const years: number[] = [];
    for (let y = dated.year - spread; y <= dated.year + spread; y++) {
      if (y !== dated.year && y >= EARLIEST_OPTION_YEAR && y <= ctx.pool.maxYear) years.push(y);
    }
    const option = (year: number): Option => ({ value: String(year), label: both(() => String(year)) });
    return assemble(
      ctx,
      this.kind,
      id,
      text('yearEstablished', (locale) => ({ city: cityName(dated.city, locale) })),
      option(dated.year),
      distractors(years, () => false, ctx)?.map(option) ?? null,
      establishedFact(ctx, dated),
    );
  },
};
