// What a report's submit checks (PRODUCT.md "After the award"), every problem at once, each with a path into the
// report by the PLAN's index (`events.<calendarIndex>.…`, `spending.<budgetIndex>.…`), so that the editor can point
// at the field: every calendar event addressed (done and partly ones with their dates and result), no budget line
// overspent from the grant, the award not exceeded, co-financing below the promised share explained, a narrative.
// And which paths an organiser's field comment may name (the same paths).
import { REPORT_FIELD_NAMES, type ReportFields, type ReportPlan } from '@konkurs/shared';
import type { FieldIssue } from './errors.js';

type Plan = Pick<ReportPlan, 'calendarPlan' | 'budget'>;

const blank = (s: string | null | undefined) => !s?.trim();

/** Percent with one decimal, for the message (the comparison itself is exact). */
const percent = (part: bigint, whole: bigint) => (whole === 0n ? 0 : Number((part * 1000n + whole / 2n) / whole) / 10);

function eventProblems(fields: ReportFields, plan: Plan): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byIndex = new Map<number, NonNullable<ReportFields['events']>[number]>();
  for (const e of fields.events ?? []) {
    if (e.calendarIndex >= plan.calendarPlan.length) issues.push({ path: `events.${e.calendarIndex}`, code: 'no-such-calendar-event', params: { events: plan.calendarPlan.length } });
    else if (byIndex.has(e.calendarIndex)) issues.push({ path: `events.${e.calendarIndex}`, code: 'report-row-repeated' });
    else byIndex.set(e.calendarIndex, e);
  }
  plan.calendarPlan.forEach((planned, i) => {
    const e = byIndex.get(i);
    const at = `events.${i}`;
    if (!e?.status) {
      issues.push({ path: `${at}.status`, code: 'report-event-required', params: { title: planned.title ?? '' } });
      return;
    }
    if (e.status === 'not_done') return;
    if (!e.actualStartDate) issues.push({ path: `${at}.actualStartDate`, code: 'required' });
    if (!e.actualEndDate) issues.push({ path: `${at}.actualEndDate`, code: 'required' });
    else if (e.actualStartDate && e.actualEndDate < e.actualStartDate) issues.push({ path: `${at}.actualEndDate`, code: 'end-before-start' });
    if (blank(e.result)) issues.push({ path: `${at}.result`, code: 'required' });
  });
  return issues;
}

/** The spending problems alone (what the property tests hold to). */
export function spendingProblems(fields: ReportFields, plan: Plan, awardedKopecks: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  let grantSpent = 0n;
  let cofinancingSpent = 0n;
  for (const s of fields.spending ?? []) {
    const at = `spending.${s.budgetIndex}`;
    const line = plan.budget[s.budgetIndex];
    if (!line) {
      issues.push({ path: at, code: 'no-such-budget-line', params: { lines: plan.budget.length } });
      continue;
    }
    if (seen.has(s.budgetIndex)) {
      issues.push({ path: at, code: 'report-row-repeated' });
      continue;
    }
    seen.add(s.budgetIndex);
    const spent = s.grantSpentKopecks ?? 0;
    if (spent > line.grantKopecks) issues.push({ path: `${at}.grantSpentKopecks`, code: 'over-budget-line', params: { limitKopecks: line.grantKopecks, spentKopecks: spent } });
    grantSpent += BigInt(spent);
    cofinancingSpent += BigInt(s.cofinancingSpentKopecks ?? 0);
  }
  if (grantSpent > BigInt(awardedKopecks)) {
    issues.push({ path: 'spending', code: 'over-award', params: { awardedKopecks, spentKopecks: Number(grantSpent) } });
  }
  // Co-financing below the promised share: cofinSpent / spent < promisedCofin / totalCost, compared exactly.
  const totalCost = plan.budget.reduce((sum, l) => sum + BigInt(l.totalKopecks), 0n);
  const promised = plan.budget.reduce((sum, l) => sum + BigInt(l.cofinancingKopecks), 0n);
  const spent = grantSpent + cofinancingSpent;
  if (spent > 0n && cofinancingSpent * totalCost < promised * spent && blank(fields.cofinancingNote)) {
    issues.push({ path: 'cofinancingNote', code: 'cofinancing-explanation-required',
      params: { promisedPercent: percent(promised, totalCost), actualPercent: percent(cofinancingSpent, spent) } });
  }
  return issues;
}

/** Every problem that keeps the report from being submitted, in the order of the form. */
export function reportProblems(fields: ReportFields, plan: Plan, awardedKopecks: number): FieldIssue[] {
  return [
    ...eventProblems(fields, plan),
    ...spendingProblems(fields, plan, awardedKopecks),
    ...(blank(fields.narrative) ? [{ path: 'narrative', code: 'required' }] : []),
  ];
}

const EVENT_FIELDS = new Set(['status', 'actualStartDate', 'actualEndDate', 'result']);
const SPENDING_FIELDS = new Set(['grantSpentKopecks', 'cofinancingSpentKopecks', 'note']);
const TOP_LEVEL = new Set<string>([...REPORT_FIELD_NAMES, 'attachments']);

/**
 * Does a field comment's path name a field of this report? `events.<calendarIndex>[.field]` of the plan's events,
 * `spending.<budgetIndex>[.field]` of its budget lines, `links.<i>` of the report's links, or a whole field.
 */
export function isReportPath(path: string, plan: Plan, fields: ReportFields): boolean {
  const [head, index, field, ...rest] = path.split('.');
  if (rest.length || !head || !TOP_LEVEL.has(head)) return false;
  if (index === undefined) return true;
  if (!/^(0|[1-9]\d{0,3})$/.test(index)) return false;
  const i = Number(index);
  if (head === 'events') return i < plan.calendarPlan.length && (field === undefined || EVENT_FIELDS.has(field));
  if (head === 'spending') return i < plan.budget.length && (field === undefined || SPENDING_FIELDS.has(field));
  if (head === 'links') return field === undefined && i < (fields.links?.length ?? 0);
  return false;
}
