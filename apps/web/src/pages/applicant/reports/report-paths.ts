// A report's dotted paths (`events.2.status`, `spending.0.grantSpentKopecks`, `narrative`; the index is the PLAN's:
// the calendar event's or the budget line's): the step that holds the field, its words, and the organiser's comments
// by path. The controls' ids come from the application editor's fieldId, so findControl finds them the same way.
import type { FieldComment, Report, ReportFields, ReportPlan } from '@konkurs/shared';
import type { ReportsDict } from '../../../i18n/ru/reports';

export const REPORT_STEP = { events: 0, spending: 1, attachments: 2, narrative: 3, check: 4 } as const;

const STEP_OF_FIELD: Record<string, number> = {
  events: REPORT_STEP.events, spending: REPORT_STEP.spending, attachments: REPORT_STEP.attachments,
  narrative: REPORT_STEP.narrative, links: REPORT_STEP.narrative, cofinancingNote: REPORT_STEP.narrative,
};

export const reportStepOfPath = (path: string): number => STEP_OF_FIELD[path.split('.')[0]] ?? REPORT_STEP.check;

/**
 * `events.2.status` → `Мероприятия, мероприятие 3 «Фестиваль»: Выполнение`; `spending.0` → `Расходы, строка 1 «Аренда»`;
 * `links.1` → `Публикации и материалы в СМИ, ссылка 2`.
 */
export function describeReportPath(path: string, t: Pick<ReportsDict, 'paths' | 'pathItems'>, plan?: ReportPlan): string {
  const [head, index, field] = path.split('.');
  let s = t.paths[head] ?? head;
  if (index !== undefined && /^\d+$/.test(index)) {
    const i = Number(index);
    s += `, ${t.pathItems[head]?.(i + 1) ?? i + 1}`;
    const name = head === 'events' ? plan?.calendarPlan[i]?.title : head === 'spending' ? plan?.budget[i]?.item : undefined;
    if (name) s += ` «${name}»`;
  }
  if (field) s += `: ${t.paths[field] ?? field}`;
  return s;
}

/** The organiser's comments by path (several on one path joined). */
export function commentsByPath(comments: readonly FieldComment[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of comments) out[c.path] = out[c.path] ? `${out[c.path]}\n${c.comment}` : c.comment;
  return out;
}

/** Which steps hold at least one comment. */
export const stepsWithComments = (comments: readonly FieldComment[]) => new Set(comments.map((c) => reportStepOfPath(c.path)));

type EventEntry = NonNullable<ReportFields['events']>[number];
type SpendingEntry = NonNullable<ReportFields['spending']>[number];

/** What the report says of calendar event `i` (an empty entry when it says nothing yet). */
export const eventOf = (f: ReportFields, i: number): EventEntry => f.events?.find((e) => e.calendarIndex === i) ?? { calendarIndex: i };
export const spendingOf = (f: ReportFields, i: number): SpendingEntry => f.spending?.find((s) => s.budgetIndex === i) ?? { budgetIndex: i };

/** The events with entry `i` replaced (added when missing), in the plan's order. */
export function withEvent(f: ReportFields, i: number, patch: Partial<EventEntry>): EventEntry[] {
  const rest = (f.events ?? []).filter((e) => e.calendarIndex !== i);
  return [...rest, { ...eventOf(f, i), ...patch, calendarIndex: i }].sort((a, b) => a.calendarIndex - b.calendarIndex);
}
export function withSpending(f: ReportFields, i: number, patch: Partial<SpendingEntry>): SpendingEntry[] {
  const rest = (f.spending ?? []).filter((s) => s.budgetIndex !== i);
  return [...rest, { ...spendingOf(f, i), ...patch, budgetIndex: i }].sort((a, b) => a.budgetIndex - b.budgetIndex);
}

/** The spending's sums, and whether the co-financing's share of what was spent is below the share the budget promised. */
export function spendingTotals(f: ReportFields, plan: ReportPlan) {
  const grantSpent = (f.spending ?? []).reduce((s, x) => s + (x.grantSpentKopecks ?? 0), 0);
  const cofinancingSpent = (f.spending ?? []).reduce((s, x) => s + (x.cofinancingSpentKopecks ?? 0), 0);
  const plannedGrant = plan.budget.reduce((s, l) => s + l.grantKopecks, 0);
  const plannedCofinancing = plan.budget.reduce((s, l) => s + l.cofinancingKopecks, 0);
  const plannedTotal = plan.budget.reduce((s, l) => s + l.totalKopecks, 0);
  const spent = grantSpent + cofinancingSpent;
  const promisedShare = plannedTotal > 0 ? plannedCofinancing / plannedTotal : 0;
  const spentShare = spent > 0 ? cofinancingSpent / spent : 0;
  return { grantSpent, cofinancingSpent, plannedGrant, plannedCofinancing, promisedShare, spentShare, cofinancingBelow: spent > 0 && spentShare < promisedShare };
}

/** A line whose grant spending is over its grant part. */
export const overGrant = (f: ReportFields, plan: ReportPlan, i: number) => (spendingOf(f, i).grantSpentKopecks ?? 0) > (plan.budget[i]?.grantKopecks ?? 0);

/** How a section of the report stands (the server's submit decides; this is the editor's glance). */
export type ReportSectionState = 'filled' | 'missing' | 'optional';

/** The first four steps: every event marked, every line's grant spending given, documents (optional), the narrative. */
export function reportSections(f: ReportFields, report: Pick<Report, 'plan' | 'attachments'>) {
  const { calendarPlan, budget } = report.plan;
  const eventsMarked = calendarPlan.filter((_, i) => eventOf(f, i).status).length;
  const linesFilled = budget.filter((_, i) => {
    const s = spendingOf(f, i).grantSpentKopecks;
    return s !== null && s !== undefined;
  }).length;
  const states: ReportSectionState[] = [
    eventsMarked === calendarPlan.length ? 'filled' : 'missing',
    linesFilled === budget.length ? 'filled' : 'missing',
    report.attachments.length > 0 ? 'filled' : 'optional',
    f.narrative?.trim() ? 'filled' : 'missing',
  ];
  return { states, eventsMarked, linesFilled };
}
