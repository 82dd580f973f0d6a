// The columns derived from an application's content on every save (lists, totals and ranking read them).
import { budgetTotals, type DraftFields } from '@konkurs/shared';

export function derivedColumns(content: DraftFields) {
  return {
    title: content.title?.trim() || null,
    directionCode: content.directionCode ?? null,
    ...budgetTotals(content.budget),
  };
}

/** The derived columns a partial save changes: only those whose source field it carries. */
export function derivedColumnsOfPatch(fields: DraftFields): Partial<ReturnType<typeof derivedColumns>> {
  const all = derivedColumns(fields);
  return {
    ...('title' in fields ? { title: all.title } : {}),
    ...('directionCode' in fields ? { directionCode: all.directionCode } : {}),
    ...('budget' in fields ? budgetTotals(fields.budget) : {}),
  };
}

/** `<competition code>-<6-digit sequence>` */
export const applicationNumber = (competitionCode: string, seq: number) => `${competitionCode}-${String(seq).padStart(6, '0')}`;
