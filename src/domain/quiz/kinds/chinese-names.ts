// Chinese names: the city a Chinese name stands for, and the Chinese name of a city.
import type { City } from '../../../data/types.js';
import {
  type KindSpec,
  type Option,
  assemble,
  both,
  chineseFact,
  distractors,
  sameContinent,
  text,
  withChineseName,
} from '../build.js';

export const cityFromChinese: KindSpec<'city-from-chinese'> = {
  kind: 'city-from-chinese',
  topic: 'names',
  level: 1,
  subjects: (pool) => withChineseName(pool).map((c) => c.id),
  build(id, ctx) {
    const city = withChineseName(ctx.pool).find((c) => c.id === id);
    if (!city) return null;
    // The options are the cities' own names in every language: the Chinese ones would be the question.
    const option = (c: City): Option => ({ value: c.id, label: both(() => c.names.en) });
    const others = ctx.pool.active.filter((c) => c !== city);
    return assemble(
      ctx,
      this.kind,
      id,
      text('cityFromChinese', () => ({ zh: city.names.zh! })),
      option(city),
      distractors(others, sameContinent(city), ctx)?.map(option) ?? null,
      chineseFact(ctx, city),
    );
  },
};

export const chineseOfCity: KindSpec<'chinese-of-city'> = {
  kind: 'chinese-of-city',
  topic: 'names',
  level: 2,
  subjects: (pool) => withChineseName(pool).map((c) => c.id),
  build(id, ctx) {
    const named = withChineseName(ctx.pool);
    const city = named.find((c) => c.id === id);
    if (!city) return null;
    const option = (c: City): Option => ({ value: c.id, label: both(() => c.names.zh!) });
    return assemble(
      ctx,
      this.kind,
      id,
      text('chineseOfCity', () => ({ city: city.names.en })),
      option(city),
      distractors(
        named.filter((c) => c !== city),
        sameContinent(city),
        ctx,
      )?.map(option) ?? null,
      chineseFact(ctx, city),
    );
  },
};
