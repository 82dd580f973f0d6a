// The columns derived from an application's content on every save (lists, totals and ranking read them).
import { budgetTotals, type DraftFields } from '@konkurs/shared';

export function derivedColumns(content: DraftFields) {
  return {
    title: content.title?.trim() || null,
    directionCode: content.directionCode ?? null,
    ...budgetTotals(content.budget),
  };
}

/** `<competition code>-<6-digit sequence>` */
export const applicationNumber = (competitionCode: string, seq: number) => `${competitionCode}-${String(seq).padStart(6, '0')}`;
