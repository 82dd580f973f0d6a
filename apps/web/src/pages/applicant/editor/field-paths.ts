// A problem's dotted path (`budget.0.quantity`) → the step that holds the field, the control's id, and words.
import type { ApplicantDict } from '../../../i18n/ru/applicant';

export const STEP = { card: 0, team: 1, plan: 2, budget: 3, attachments: 4, review: 5 } as const;

const STEP_OF_FIELD: Record<string, number> = {
  title: STEP.card, directionCode: STEP.card, summary: STEP.card, relevance: STEP.card, goal: STEP.card, tasks: STEP.card,
  targetGroups: STEP.card, geographyRegionCodes: STEP.card, startDate: STEP.card, endDate: STEP.card,
  team: STEP.team, calendarPlan: STEP.plan,
  budget: STEP.budget, requestedKopecks: STEP.budget, cofinancingKopecks: STEP.budget, totalCostKopecks: STEP.budget,
  attachments: STEP.attachments,
};

export const stepOfPath = (path: string): number => STEP_OF_FIELD[path.split('.')[0]] ?? STEP.review;

/** The id of the control for a path; used by the controls and by "go to the field" links. */
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

/** The closest control on screen for a path: `budget.0.quantity`, else `budget.0`, else `budget`. */
export function findControl(path: string): HTMLElement | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(fieldId(parts.slice(0, n).join('.')));
    if (el) return el;
  }
  return null;
}

/**
 * `budget.0.quantity` → `Бюджет, п. 1: Кол-во`; `calendarPlan.0.title` → `Календарный план, п. 1: Мероприятие` (an entry's
 * field by its section's word first, `calendarPlan.title`). A path is named where it points, and its problem's
 * sentence says what is wrong, so that the two do not repeat each other.
 */
export function describePath(path: string, t: Pick<ApplicantDict, 'fieldNames' | 'rowWord'>): string {
  const [head, index, field] = path.split('.');
  let s = t.fieldNames[head] ?? head;
  if (index !== undefined && /^\d+$/.test(index)) s += `, ${t.rowWord} ${Number(index) + 1}`;
  if (field) s += `: ${t.fieldNames[`${head}.${field}`] ?? t.fieldNames[field] ?? field}`;
  return s;
}

/** Problems by path, for the controls' `error` props. */
export type Problems = Record<string, string>;
