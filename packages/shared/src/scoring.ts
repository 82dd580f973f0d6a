// An expert's total on the 100-point scale: one definition for the server (which records it) and the SPA
// (which shows it live while the expert scores).

/** Weights are numeric (e.g. 1.5): scaled to integers so that the sums are exact. */
const WEIGHT_SCALE = 10_000;

/** Expert total = 100 × Σ(score·weight) / Σ(max·weight), rounded to 2 decimals (half up). Missing scores count as 0. */
export function expertTotal(
  scores: readonly { criterionCode: string; score: number | null | undefined }[],
  criteria: readonly { code: string; weight: number; maxScore: number }[],
): number {
  const byCode = new Map(scores.map((s) => [s.criterionCode, s.score ?? 0]));
  let num = 0;
  let den = 0;
  for (const c of criteria) {
    const w = Math.round(c.weight * WEIGHT_SCALE);
    num += (byCode.get(c.code) ?? 0) * w;
    den += c.maxScore * w;
  }
  // One division of exact integers is correctly rounded, so an exact .5 stays .5 and rounds up.
  return den === 0 ? 0 : Math.round((100 * num * 100) / den) / 100;
}

/** A criterion's score: a whole number from 0 to its maximum (the server refuses others, the scoring form says so first). */
export function isScoreInRange(score: number, maxScore: number): boolean {
  return Number.isInteger(score) && score >= 0 && score <= maxScore;
}
