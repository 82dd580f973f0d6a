// Scores and the ranking: an expert's total on the 100-point scale, the final score, the ranking order
// and the per-expert z-score normalisation organisers see beside the raw score.
import { isScoreInRange } from '@konkurs/shared';
import type { FieldIssue } from './errors.js';

export interface CriterionDef { code: string; weight: number; maxScore: number; commentRequired: boolean }
export interface ScoreEntry { criterionCode: string; score: number | null; comment: string }

/** Rounds a non-negative value given as an exact fraction num/den to hundredths, half up. */
function hundredthsOf(num: number, den: number): number {
  // One division of exact integers is correctly rounded, so an exact .5 stays .5 and rounds up.
  return Math.round((num * 100) / den) / 100;
}

/** Expert total = 100 × Σ(score·weight) / Σ(max·weight), rounded to 2 decimals: shared with the SPA, which shows it live. */
export { expertTotal } from '@konkurs/shared';

/** Final score = mean of the submitted totals (each already rounded), rounded to 2 decimals; null without any. */
export function finalScore(totals: readonly number[]): number | null {
  if (totals.length === 0) return null;
  const sum = totals.reduce((s, t) => s + Math.round(t * 100), 0);
  return hundredthsOf(sum, totals.length * 100);
}

/**
 * Checks a draft save: every score names a criterion of the competition once and lies in 0..max.
 * Paths point into the request body (`scores.2.score`). Completeness at submission is packages/shared's
 * reviewCompletenessIssues (the scoring form asks it too).
 */
export function scoreInputIssues(scores: readonly Pick<ScoreEntry, 'criterionCode' | 'score'>[], criteria: readonly CriterionDef[]): FieldIssue[] {
  const byCode = new Map(criteria.map((c) => [c.code, c]));
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  scores.forEach((s, i) => {
    const c = byCode.get(s.criterionCode);
    if (!c) issues.push({ path: `scores.${i}.criterionCode`, code: 'unknown-criterion', params: { criterionCode: s.criterionCode } });
    else if (seen.has(s.criterionCode)) issues.push({ path: `scores.${i}.criterionCode`, code: 'scored-twice', params: { criterionCode: s.criterionCode } });
    else if (s.score !== null && s.score !== undefined && !isScoreInRange(s.score, c.maxScore))
      issues.push({ path: `scores.${i}.score`, code: 'score-out-of-range', params: { max: c.maxScore } });
    seen.add(s.criterionCode);
  });
  return issues;
}

/** The stored scores in the criteria's order, one per criterion (unscored ones null). */
export function normaliseScores(scores: readonly Partial<ScoreEntry>[], criteria: readonly CriterionDef[]): ScoreEntry[] {
  const byCode = new Map(scores.map((s) => [s.criterionCode, s]));
  return criteria.map((c) => {
    const s = byCode.get(c.code);
    return { criterionCode: c.code, score: s?.score ?? null, comment: s?.comment ?? '' };
  });
}

export interface Rankable { finalScore: number | null; submittedAt: Date | null; number: string }

/** Ranking order: final score descending (unscored last), ties by earlier submission, then by number. */
export function compareRanking(a: Rankable, b: Rankable): number {
  if (a.finalScore !== b.finalScore) {
    if (a.finalScore === null) return 1;
    if (b.finalScore === null) return -1;
    return b.finalScore - a.finalScore;
  }
  const ta = a.submittedAt?.getTime() ?? Infinity;
  const tb = b.submittedAt?.getTime() ?? Infinity;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

export function rankOrder<T extends Rankable>(rows: readonly T[]): T[] {
  return [...rows].sort(compareRanking);
}

/**
 * The ranking as the organiser reads it: the reviewed applications ranked 1..n in ranking order, then those still
 * waiting for a review, unranked (a rank is never given over an unfinished review).
 */
export function rankWithWaiting<T extends Rankable & { waiting: boolean }>(rows: readonly T[]): (T & { rank: number | null })[] {
  const ranked = rankOrder(rows.filter((r) => !r.waiting)).map((r, i) => ({ ...r, rank: i + 1 as number | null }));
  const waiting = rankOrder(rows.filter((r) => r.waiting)).map((r) => ({ ...r, rank: null }));
  return [...ranked, ...waiting];
}

export interface ReviewTotal { applicationId: string; expertId: string; total: number }

/**
 * Per-expert z-score normalisation: each expert's totals are standardised over all their reviews in the
 * competition, mapped back to the 100-point scale with the pool's overall mean and standard deviation,
 * and averaged per application (2 decimals), kept within 0..100. An expert with one review or identical totals
 * has z = 0.
 */
export function normalizedScores(reviews: readonly ReviewTotal[]): Map<string, number> {
  const result = new Map<string, number>();
  const n = reviews.length;
  if (n === 0) return result;
  // Runs over a whole national round (~24,000 reviews) on every ranking request: each expert and application gets a
  // dense index once, the sums live in typed arrays, and every sum is still taken in the input's order (so the
  // figures are those of the plain mean / standard-deviation formulas).
  const expertIndex = new Map<string, number>();
  const expertOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let e = expertIndex.get(reviews[i].expertId);
    if (e === undefined) { e = expertIndex.size; expertIndex.set(reviews[i].expertId, e); }
    expertOf[i] = e;
  }
  const experts = expertIndex.size;
  const count = new Float64Array(experts);
  const mean = new Float64Array(experts);
  const sd = new Float64Array(experts);
  let poolSum = 0;
  for (let i = 0; i < n; i++) { poolSum += reviews[i].total; mean[expertOf[i]] += reviews[i].total; count[expertOf[i]] += 1; }
  const poolMean = poolSum / n;
  for (let e = 0; e < experts; e++) mean[e] /= count[e];
  let poolSq = 0;
  for (let i = 0; i < n; i++) {
    const x = reviews[i].total;
    poolSq += (x - poolMean) ** 2;
    sd[expertOf[i]] += (x - mean[expertOf[i]]) ** 2;
  }
  const poolSd = Math.sqrt(poolSq / n);
  for (let e = 0; e < experts; e++) sd[e] = Math.sqrt(sd[e] / count[e]);
  const sums = new Map<string, { sum: number; n: number }>();
  for (let i = 0; i < n; i++) {
    const r = reviews[i];
    const e = expertOf[i];
    const z = sd[e] > 1e-9 ? (r.total - mean[e]) / sd[e] : 0;
    const acc = sums.get(r.applicationId);
    if (acc) { acc.sum += poolMean + z * poolSd; acc.n += 1; } else sums.set(r.applicationId, { sum: poolMean + z * poolSd, n: 1 });
  }
  for (const [id, { sum, n: k }] of sums) result.set(id, Math.round(Math.min(100, Math.max(0, sum / k)) * 100) / 100);
  return result;
}
