// What a submit checks: the window (a refusal of its own), then completeness and the competition's rules,
// every problem at once with a path into the application, so that the form can point at each.
import { acceptsApplications, budgetTotals, missingRequired, type CompetitionStatus, type DraftFields, type MessageParams } from '@konkurs/shared';
import { conflict, type FieldIssue } from './errors.js';

/** The competition's settings a submit is judged by. */
export interface SubmissionRules {
  code: string;
  regionCodes: readonly string[];
  directionCodes: readonly string[];
  closesAt: Date;
  timezone: string;
  maxProjectMonths: number;
  minGrantKopecks: number;
  maxGrantKopecks: number;
  minCofinancingPercent: number;
  requiredAttachmentKinds: readonly string[];
  maxApplicationsPerOrganization: number;
}

/** What the database knows besides the content. */
export interface SubmissionContext {
  /** Kinds of the attachments the application carries. */
  attachmentKinds: readonly string[];
  /** The organisation's other applications in this competition that count as submitted (neither draft nor withdrawn). */
  submittedByOrganization: number;
  /** The organisation's region now (it may have moved since the draft was created). */
  organizationRegionCode: string;
}

type Window = { code: string; status: CompetitionStatus; opensAt: Date; closesAt: Date; timezone: string };

/** Refuses (409) outside the window: `deadline-passed` once closed, `submission-closed` before it opens or in another status. */
export function assertAcceptsApplications(c: Window, now: Date): void {
  if (acceptsApplications(c, now)) return;
  const when = { code: c.code, closesAt: c.closesAt.toISOString(), timezone: c.timezone };
  if (c.status === 'open' && now.getTime() >= c.closesAt.getTime()) throw conflict('deadline-passed', when);
  throw conflict('submission-closed', { ...when, status: c.status, opensAt: c.opensAt.toISOString() });
}

// Building an Intl.DateTimeFormat costs far more than using one (it was a tenth of a submit's CPU): one per zone, kept.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(instant: Date, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) dayFormatters.set(timeZone, (formatter = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const p = formatter.formatToParts(instant);
  const get = (type: string) => p.find((x) => x.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

type RegionScope = { code: string; regionCodes: readonly string[] };

/** An organisation registered outside the competition's regions (when it lists any), as a problem naming organizationId. */
function regionProblem(c: RegionScope, regionCode: string): FieldIssue | undefined {
  if (!c.regionCodes.length || c.regionCodes.includes(regionCode)) return undefined;
  return { path: 'organizationId', code: 'region-not-allowed', params: { code: c.code, regions: c.regionCodes, regionCode } };
}

/** Refuses (409 naming organizationId) a draft of an organisation outside the competition's regions. */
export function assertRegionAllowed(c: RegionScope, regionCode: string): void {
  const problem = regionProblem(c, regionCode);
  if (problem) throw conflict('region-not-allowed', problem.params, [problem]);
}

/**
 * Refuses (409 naming organizationId) a new draft when the organisation has already submitted the most the
 * competition accepts: told before the form is filled, not at its submit.
 */
export function assertBelowLimit(c: { maxApplicationsPerOrganization: number }, submittedByOrganization: number): void {
  if (submittedByOrganization < c.maxApplicationsPerOrganization) return;
  const params = { submitted: submittedByOrganization, max: c.maxApplicationsPerOrganization };
  throw conflict('limit-reached', params, [{ path: 'organizationId', code: 'limit-reached', params }]);
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The last day of a project of `months` months starting on `start`: the day before the same day-of-month
 * `months` later (1 March + 12 months → 28/29 February); when that month is shorter (31 January + 1 month),
 * its last day.
 */
export function lastProjectDay(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const monthLength = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  if (d > monthLength) return iso(new Date(Date.UTC(y, m - 1 + months, monthLength)));
  return iso(new Date(Date.UTC(y, m - 1 + months, d - 1)));
}

export function submissionProblems(content: DraftFields, rules: SubmissionRules, context: SubmissionContext): FieldIssue[] {
  // What must be filled is shared's rule (the editor marks the same fields); the competition's rules come on top.
  const problems: FieldIssue[] = missingRequired(content);
  const add = (path: string, code: string, params?: MessageParams) => problems.push(params ? { path, code, params } : { path, code });

  // Project card.
  if (content.directionCode && !rules.directionCodes.includes(content.directionCode)) add('directionCode', 'direction-not-in-competition');

  // Project dates.
  const { startDate, endDate } = content;
  if (startDate) {
    const closingDay = localDay(rules.closesAt, rules.timezone);
    if (startDate < closingDay) add('startDate', 'start-before-closing-day', { closingDay });
  }
  if (startDate && endDate) {
    if (endDate < startDate) add('endDate', 'end-before-start');
    else {
      const last = lastProjectDay(startDate, rules.maxProjectMonths);
      if (endDate > last) add('endDate', 'project-too-long', { months: rules.maxProjectMonths, lastDay: last });
    }
  }

  // Calendar plan: each event tied to a task, in order, within the project's dates.
  const plan = content.calendarPlan ?? [];
  const tasks = content.tasks ?? [];
  plan.forEach((e, i) => {
    const at = (f: string) => `calendarPlan.${i}.${f}`;
    if (e.taskIndex !== null && e.taskIndex !== undefined && e.taskIndex >= tasks.length) add(at('taskIndex'), 'task-not-found');
    if (e.startDate && startDate && e.startDate < startDate) add(at('startDate'), 'before-project-start');
    if (e.endDate && e.startDate && e.endDate < e.startDate) add(at('endDate'), 'end-before-start');
    else if (e.endDate && endDate && e.endDate > endDate) add(at('endDate'), 'after-project-end');
  });

  // Budget: each line consistent, then the totals against the competition's bounds.
  const budget = content.budget ?? [];
  budget.forEach((l, i) => {
    const at = (f: string) => `budget.${i}.${f}`;
    if (l.quantity !== null && l.quantity !== undefined && l.quantity <= 0) add(at('quantity'), 'must-be-positive');
    if (l.unitCostKopecks !== null && l.unitCostKopecks !== undefined && (l.cofinancingKopecks ?? 0) > Math.round((l.quantity ?? 0) * l.unitCostKopecks))
      add(at('cofinancingKopecks'), 'cofinancing-exceeds-line');
  });
  if (budget.length > 0) {
    const { totalCostKopecks, cofinancingKopecks, requestedKopecks } = budgetTotals(budget);
    if (requestedKopecks < rules.minGrantKopecks || requestedKopecks > rules.maxGrantKopecks)
      add('requestedKopecks', 'requested-out-of-range', { min: rules.minGrantKopecks, max: rules.maxGrantKopecks });
    if (totalCostKopecks > 0 && cofinancingKopecks * 100 < rules.minCofinancingPercent * totalCostKopecks)
      add('cofinancingKopecks', 'cofinancing-too-low', { percent: rules.minCofinancingPercent });
  }

  // Documents, the organisation's region as it is now, and its limit.
  for (const kind of rules.requiredAttachmentKinds)
    if (!context.attachmentKinds.includes(kind)) add(`attachments.${kind}`, 'attachment-required', { kind });
  const region = regionProblem(rules, context.organizationRegionCode);
  if (region) problems.push(region);
  if (context.submittedByOrganization >= rules.maxApplicationsPerOrganization)
    add('organizationId', 'limit-reached', { submitted: context.submittedByOrganization, max: rules.maxApplicationsPerOrganization });
  return problems;
}
