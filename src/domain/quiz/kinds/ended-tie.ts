// "Which of these ties has ended?", quoting the city's status sentence.
import { type EndedStatus, hasEnded } from '../../facts/partners.js';
import type { KindSpec } from '../build.js';
import { blankedQuote, quoteQuestion } from '../quote.js';
import type { LocalText } from '../types.js';

/** The sentence about an ended or fading tie, with the city blanked: no question rests on "still active". */
export const endedTie: KindSpec<'ended-tie'> = {
  kind: 'ended-tie',
  topic: 'dates',
  level: 1,
  subjects: (pool) =>
    pool.notActive.flatMap((city) =>
      hasEnded(city.status) && blankedQuote(pool, city, statusSentence(city.status)) ? [city.id] : [],
    ),
  build(id, ctx) {
    const city = ctx.pool.notActive.find((c) => c.id === id);
    if (!city || !hasEnded(city.status)) return null;
    const status = city.status;
    const prompt = status.state === 'ended' ? 'ended' : 'phasingOut';
    return quoteQuestion(ctx, this.kind, id, prompt, city, statusSentence(status), status.sources, ctx.pool.active);
  },
};

export function statusSentence(status: EndedStatus): LocalText {
  return { en: status.reason, 'zh-CN': status.reasonZh };
}
