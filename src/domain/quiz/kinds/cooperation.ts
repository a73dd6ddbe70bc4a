// A cooperation sentence with the city's names blanked: which city is it?
import type { City } from '../../../data/types.js';
import { type KindSpec, activeCity } from '../build.js';
import { blankedQuote, quoteQuestion } from '../quote.js';
import type { LocalText } from '../types.js';

/**
 * One cooperation sentence with the city blanked. Asking which city worked on a topic would need the
 * others not to have, and the data cannot show that they did not.
 */
export const cooperation: KindSpec<'cooperation'> = {
  kind: 'cooperation',
  topic: 'exchanges',
  level: 2,
  subjects: (pool) =>
    pool.active.flatMap((city) =>
      city.cooperation.flatMap((item, i) =>
        blankedQuote(pool, city, cooperationSentence(item)) ? [`${city.id}#${i}`] : [],
      ),
    ),
  build(subject, ctx) {
    const [id, index] = subject.split('#') as [string, string];
    const city = activeCity(ctx.pool, id);
    const item = city?.cooperation[Number(index)];
    if (!city || !item) return null;
    return quoteQuestion(
      ctx,
      this.kind,
      subject,
      'cooperation',
      city,
      cooperationSentence(item),
      item.sources,
      ctx.pool.active,
    );
  },
};

export function cooperationSentence(item: City['cooperation'][number]): LocalText {
  return { en: item.text, 'zh-CN': item.textZh };
}
