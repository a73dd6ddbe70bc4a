// Leaderboard windows. Weekly boards reset on Monday at 00:00 UTC, monthly ones on the 1st at
// 00:00 UTC: one moment for every server, whatever its members' time zones.
export type Period = 'week' | 'month' | 'all';
export const PERIODS: readonly Period[] = ['week', 'month', 'all'];

const DAY_MS = 24 * 60 * 60 * 1000;

/** When the current window began; null for all time. */
export function periodStart(period: Period, now: Date): Date | null {
  if (period === 'all') return null;
  if (period === 'month') return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysSinceMonday = (now.getUTCDay() + 6) % 7;
  return new Date(midnight - daysSinceMonday * DAY_MS);
}

/** When the current window ends and the board starts empty again; null for all time. */
export function nextReset(period: Period, now: Date): Date | null {
  if (period === 'all') return null;
  if (period === 'month') return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return new Date(periodStart('week', now)!.getTime() + 7 * DAY_MS);
}
