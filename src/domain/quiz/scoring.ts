// Points for one answer. The formula is shown to players in /quiz help, so keep the two in step:
// a right answer earns BASE, plus up to SPEED_MAX for answering fast (falling linearly to 0 at the
// deadline), plus STREAK_STEP for every right answer in a row before this one, at most STREAK_MAX.
export const SCORING = {
  base: 100,
  speedMax: 50,
  streakStep: 10,
  streakMax: 50,
} as const;

/**
 * @param elapsedMs time from the question being posted to the click
 * @param durationMs how long the question was open
 * @param streak right answers in a row including this one (1 for a first right answer)
 */
export function answerPoints(correct: boolean, elapsedMs: number, durationMs: number, streak: number): number {
  if (!correct) return 0;
  const left = Math.min(1, Math.max(0, 1 - elapsedMs / durationMs));
  const speed = Math.round(SCORING.speedMax * left);
  const bonus = Math.min(SCORING.streakMax, SCORING.streakStep * Math.max(0, streak - 1));
  return SCORING.base + speed + bonus;
}
