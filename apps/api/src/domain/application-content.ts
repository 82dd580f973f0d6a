// The columns derived from an application's content on every save (lists, totals and ranking read them).
import { budgetTotals, type DraftFields } from '@konkurs/shared';
import { fieldInvalid } from './errors.js';

export type DerivedColumns = ReturnType<typeof derivedColumns>;

export function derivedColumns(content: DraftFields) {
  return {
    title: content.title?.trim() || null,
    directionCode: content.directionCode ?? null,
    ...budgetTotals(content.budget),
  };
}

/** The derived columns a partial save changes: only those whose source field it carries. */
export function derivedColumnsOfPatch(fields: DraftFields): Partial<DerivedColumns> {
  const all = derivedColumns(fields);
  return {
    ...('title' in fields ? { title: all.title } : {}),
    ...('directionCode' in fields ? { directionCode: all.directionCode } : {}),
    ...('budget' in fields ? budgetTotals(fields.budget) : {}),
  };
}

/** `<competition code>-<6-digit sequence>` */
export const applicationNumber = (competitionCode: string, seq: number) => `${competitionCode}-${String(seq).padStart(6, '0')}`;

/** Sums past 2^53 kopecks cannot be counted exactly (nor stored past 2^63): such a budget is refused, never saved wrong. */
export function assertCountable(totals: Partial<DerivedColumns>): void {
  for (const sum of [totals.totalCostKopecks, totals.cofinancingKopecks])
    if (sum !== undefined && !Number.isSafeInteger(sum)) throw fieldInvalid('budget', 'sums-too-large');
}
