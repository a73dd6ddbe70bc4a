// How long a tie has lasted. Dates can be as coarse as a year, so the answer says when it is approximate.
import type { City, FuzzyDate } from '../../data/types.js';

export interface FriendshipSpan {
  /** Whole years from the establishment to `until`, counting an uncertain day or month generously. */
  years: number;
  /** True when the coarse date, or a doubt about it, leaves the count uncertain. */
  approximate: boolean;
  /** Set when sources doubt or dispute the start date: the count assumes this one. */
  assumes?: FuzzyDate;
  /** The year the tie began. */
  since: number;
  /** Set when the tie has ended: its end date. `years` then counts up to that date. */
  ended?: FuzzyDate;
}

interface DateParts {
  year: number;
  month: number | null;
  day: number | null;
}

function parts(date: FuzzyDate): DateParts {
  const [year, month, day] = date.date.split('-').map(Number);
  return {
    year: year!,
    month: date.precision === 'year' ? null : month!,
    day: date.precision === 'day' ? day! : null,
  };
}

/** Whole years between two dates whose day or month may be unknown: the fewest and most possible. */
function yearsBetween(from: DateParts, to: DateParts): { min: number; max: number } {
  const earliest = (p: DateParts) => [p.year, p.month ?? 1, p.day ?? 1] as const;
  const latest = (p: DateParts) => [p.year, p.month ?? 12, p.day ?? 31] as const;
  const whole = (a: readonly number[], b: readonly number[]) => {
    const [ay, am, ad] = a as [number, number, number];
    const [by, bm, bd] = b as [number, number, number];
    return by - ay - (bm < am || (bm === am && bd < ad) ? 1 : 0);
  };
  return { min: whole(latest(from), earliest(to)), max: whole(earliest(from), latest(to)) };
}

/** Null when no source dates the tie. */
export function friendshipSpan(city: City, now: Date): FriendshipSpan | null {
  if (!city.established) return null;
  const start = parts(city.established);
  const ended =
    city.status.state === 'ended' ? { date: city.status.date, precision: city.status.precision } : undefined;
  const end: DateParts = ended
    ? parts(ended)
    : { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
  const { min, max } = yearsBetween(start, end);
  const doubted = city.established.doubt !== undefined || city.conflictingDates.length > 0;
  const span: FriendshipSpan = { years: Math.max(0, max), approximate: min !== max || doubted, since: start.year };
  if (doubted) span.assumes = { date: city.established.date, precision: city.established.precision };
  if (ended) span.ended = ended;
  return span;
}
