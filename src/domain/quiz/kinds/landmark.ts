// A landmark's sentence with the city's names blanked: which city is it?
import type { City } from '../../../data/types.js';
import { type KindSpec, activeCity } from '../build.js';
import { blankedQuote, quoteQuestion } from '../quote.js';
import type { LocalText } from '../types.js';

/** A landmark's description with the city blanked: another city may have an unrecorded "China Garden". */
export const landmark: KindSpec<'landmark'> = {
  kind: 'landmark',
  topic: 'exchanges',
  level: 2,
  subjects: (pool) =>
    pool.active.flatMap((city) =>
      city.landmarks.flatMap((l, i) =>
        l.location === 'partner' && blankedQuote(pool, city, landmarkSentence(l)) ? [`${city.id}#${i}`] : [],
      ),
    ),
  build(subject, ctx) {
    const [id, index] = subject.split('#') as [string, string];
    const city = activeCity(ctx.pool, id);
    const mark = city?.landmarks[Number(index)];
    if (!city || !mark) return null;
    return quoteQuestion(
      ctx,
      this.kind,
      subject,
      'landmark',
      city,
      landmarkSentence(mark),
      mark.sources,
      ctx.pool.active,
    );
  },
};

export function landmarkSentence(mark: City['landmarks'][number]): LocalText {
  return { en: mark.description, 'zh-CN': mark.descriptionZh };
}
