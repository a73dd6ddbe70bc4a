// "Which of these ties is the earliest / the latest?"
import {
  type KindSpec,
  assemble,
  cityOption,
  datedById,
  distractors,
  establishedFact,
  nearYears,
  text,
} from '../build.js';

export function orderKind<K extends 'earliest' | 'latest'>(kind: K): KindSpec<K> {
  return {
    kind,
    topic: 'dates',
    level: 3,
    subjects: (pool) => pool.dated.map((d) => d.city.id),
    build(id, ctx) {
      const dated = datedById(ctx.pool, id);
      if (!dated) return null;
      // Only cities whose whole date range lies after (before) the answer's, so the order is certain.
      const others = ctx.pool.dated.filter((d) => (kind === 'earliest' ? d.start > dated.end : d.end < dated.start));
      const wrong = distractors(others, nearYears(dated), ctx);
      return assemble(
        ctx,
        kind,
        id,
        text(kind, () => ({})),
        cityOption(dated.city),
        wrong?.map((d) => cityOption(d.city)) ?? null,
        establishedFact(ctx, dated),
      );
    },
  };
}
