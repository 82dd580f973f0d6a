// What a submit checks: the window (a refusal of its own), then completeness and the competition's rules,
// every problem at once with a path into the application, so that the form can point at each.
import { acceptsApplications, budgetTotals, type CompetitionStatus, type DraftFields, type MessageParams } from '@konkurs/shared';
import { conflict, type FieldIssue } from './errors.js';

/** The competition's settings a submit is judged by. */
export interface SubmissionRules {
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

/** An organisation registered outside the competition's regions (when it lists any) cannot apply (409 naming organizationId). */
export function assertRegionAllowed(c: { code: string; regionCodes: readonly string[] }, regionCode: string): void {
  if (!c.regionCodes.length || c.regionCodes.includes(regionCode)) return;
  const params = { code: c.code, regions: c.regionCodes, regionCode };
  throw conflict('region-not-allowed', params, [{ path: 'organizationId', code: 'region-not-allowed', params }]);
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

const filled = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim().length > 0;

export function submissionProblems(content: DraftFields, rules: SubmissionRules, context: SubmissionContext): FieldIssue[] {
  const problems: FieldIssue[] = [];
  const add = (path: string, code: string, params?: MessageParams) => problems.push(params ? { path, code, params } : { path, code });

  // Project card.
  for (const field of ['title', 'summary', 'relevance', 'goal'] as const) if (!filled(content[field])) add(field, 'required');
  if (!content.directionCode) add('directionCode', 'required');
  else if (!rules.directionCodes.includes(content.directionCode)) add('directionCode', 'direction-not-in-competition');
  for (const field of ['tasks', 'targetGroups'] as const) {
    const list = content[field] ?? [];
    if (list.length === 0) add(field, 'list-empty');
    list.forEach((s, i) => { if (!filled(s)) add(`${field}.${i}`, 'item-empty'); });
  }
  if (!content.geographyRegionCodes?.length) add('geographyRegionCodes', 'list-empty');

  // Project dates.
  const { startDate, endDate } = content;
  if (!startDate) add('startDate', 'required');
  if (!endDate) add('endDate', 'required');
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

  // Team.
  const team = content.team ?? [];
  if (team.length === 0) add('team', 'list-empty');
  team.forEach((p, i) => { if (!filled(p.fullName)) add(`team.${i}.fullName`, 'required'); });

  // Calendar plan: each event complete, tied to a task, in order, within the project's dates.
  const plan = content.calendarPlan ?? [];
  const tasks = content.tasks ?? [];
  if (plan.length === 0) add('calendarPlan', 'list-empty');
  plan.forEach((e, i) => {
    const at = (f: string) => `calendarPlan.${i}.${f}`;
    if (!filled(e.title)) add(at('title'), 'required');
    if (!filled(e.expectedResult)) add(at('expectedResult'), 'required');
    if (e.taskIndex === null || e.taskIndex === undefined) add(at('taskIndex'), 'required');
    else if (e.taskIndex >= tasks.length) add(at('taskIndex'), 'task-not-found');
    if (!e.startDate) add(at('startDate'), 'required');
    else if (startDate && e.startDate < startDate) add(at('startDate'), 'before-project-start');
    if (!e.endDate) add(at('endDate'), 'required');
    else if (e.startDate && e.endDate < e.startDate) add(at('endDate'), 'end-before-start');
    else if (endDate && e.endDate > endDate) add(at('endDate'), 'after-project-end');
  });

  // Budget: each line complete and consistent, then the totals against the competition's bounds.
  const budget = content.budget ?? [];
  if (budget.length === 0) add('budget', 'list-empty');
  budget.forEach((l, i) => {
    const at = (f: string) => `budget.${i}.${f}`;
    if (!l.category) add(at('category'), 'required');
    if (!filled(l.item)) add(at('item'), 'required');
    if (l.quantity === null || l.quantity === undefined) add(at('quantity'), 'required');
    else if (l.quantity <= 0) add(at('quantity'), 'must-be-positive');
    if (l.unitCostKopecks === null || l.unitCostKopecks === undefined) add(at('unitCostKopecks'), 'required');
    else if ((l.cofinancingKopecks ?? 0) > Math.round((l.quantity ?? 0) * l.unitCostKopecks)) add(at('cofinancingKopecks'), 'cofinancing-exceeds-line');
  });
  if (budget.length > 0) {
    const { totalCostKopecks, cofinancingKopecks, requestedKopecks } = budgetTotals(budget);
    if (requestedKopecks < rules.minGrantKopecks || requestedKopecks > rules.maxGrantKopecks)
      add('requestedKopecks', 'requested-out-of-range', { min: rules.minGrantKopecks, max: rules.maxGrantKopecks });
    if (totalCostKopecks > 0 && cofinancingKopecks * 100 < rules.minCofinancingPercent * totalCostKopecks)
      add('cofinancingKopecks', 'cofinancing-too-low', { percent: rules.minCofinancingPercent });
  }

  // Documents and the organisation's limit.
  for (const kind of rules.requiredAttachmentKinds)
    if (!context.attachmentKinds.includes(kind)) add(`attachments.${kind}`, 'attachment-required', { kind });
  if (context.submittedByOrganization >= rules.maxApplicationsPerOrganization)
    add('organizationId', 'limit-reached', { submitted: context.submittedByOrganization, max: rules.maxApplicationsPerOrganization });
  return problems;
}
