// What a submit checks: the window (a refusal of its own), then completeness and the competition's rules,
// every problem at once with a path into the application, so that the form can point at each.
import { ATTACHMENT_KIND_LABELS, budgetTotals, type DraftFields } from '@konkurs/shared';
import type { FieldError } from '../lib/problem.js';

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

/** Applications are accepted while the competition is open and opensAt ≤ now < closesAt, by the server's clock. */
export function acceptsApplications(c: { status: string; opensAt: Date; closesAt: Date }, now: Date): boolean {
  return c.status === 'open' && c.opensAt.getTime() <= now.getTime() && now.getTime() < c.closesAt.getTime();
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

export function submissionProblems(content: DraftFields, rules: SubmissionRules, context: SubmissionContext): FieldError[] {
  const problems: FieldError[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  // Project card.
  for (const field of ['title', 'summary', 'relevance', 'goal'] as const) if (!filled(content[field])) add(field, 'required');
  if (!content.directionCode) add('directionCode', 'required');
  else if (!rules.directionCodes.includes(content.directionCode)) add('directionCode', 'not among the directions of the competition');
  for (const field of ['tasks', 'targetGroups'] as const) {
    const list = content[field] ?? [];
    if (list.length === 0) add(field, 'at least one is required');
    list.forEach((s, i) => { if (!filled(s)) add(`${field}.${i}`, 'must not be empty'); });
  }
  if (!content.geographyRegionCodes?.length) add('geographyRegionCodes', 'at least one region is required');

  // Project dates.
  const { startDate, endDate } = content;
  if (!startDate) add('startDate', 'required');
  if (!endDate) add('endDate', 'required');
  if (startDate) {
    const closingDay = localDay(rules.closesAt, rules.timezone);
    if (startDate < closingDay) add('startDate', `must be no earlier than the competition's closing day, ${closingDay}`);
  }
  if (startDate && endDate) {
    if (endDate < startDate) add('endDate', 'must not be before startDate');
    else {
      const last = lastProjectDay(startDate, rules.maxProjectMonths);
      if (endDate > last) add('endDate', `the project may last at most ${rules.maxProjectMonths} months: until ${last}`);
    }
  }

  // Team.
  const team = content.team ?? [];
  if (team.length === 0) add('team', 'at least one person is required');
  team.forEach((p, i) => { if (!filled(p.fullName)) add(`team.${i}.fullName`, 'required'); });

  // Calendar plan: each event complete, tied to a task, in order, within the project's dates.
  const plan = content.calendarPlan ?? [];
  const tasks = content.tasks ?? [];
  if (plan.length === 0) add('calendarPlan', 'at least one event is required');
  plan.forEach((e, i) => {
    const at = (f: string) => `calendarPlan.${i}.${f}`;
    if (!filled(e.title)) add(at('title'), 'required');
    if (!filled(e.expectedResult)) add(at('expectedResult'), 'required');
    if (e.taskIndex === null || e.taskIndex === undefined) add(at('taskIndex'), 'required');
    else if (e.taskIndex >= tasks.length) add(at('taskIndex'), 'must point to one of the tasks');
    if (!e.startDate) add(at('startDate'), 'required');
    else if (startDate && e.startDate < startDate) add(at('startDate'), 'before the project starts');
    if (!e.endDate) add(at('endDate'), 'required');
    else if (e.startDate && e.endDate < e.startDate) add(at('endDate'), 'must not be before its startDate');
    else if (endDate && e.endDate > endDate) add(at('endDate'), 'after the project ends');
  });

  // Budget: each line complete and consistent, then the totals against the competition's bounds.
  const budget = content.budget ?? [];
  if (budget.length === 0) add('budget', 'at least one line is required');
  budget.forEach((l, i) => {
    const at = (f: string) => `budget.${i}.${f}`;
    if (!l.category) add(at('category'), 'required');
    if (!filled(l.item)) add(at('item'), 'required');
    if (l.quantity === null || l.quantity === undefined) add(at('quantity'), 'required');
    else if (l.quantity <= 0) add(at('quantity'), 'must be greater than 0');
    if (l.unitCostKopecks === null || l.unitCostKopecks === undefined) add(at('unitCostKopecks'), 'required');
    else if ((l.cofinancingKopecks ?? 0) > Math.round((l.quantity ?? 0) * l.unitCostKopecks)) add(at('cofinancingKopecks'), "must not exceed the line's total");
  });
  if (budget.length > 0) {
    const { totalCostKopecks, cofinancingKopecks, requestedKopecks } = budgetTotals(budget);
    if (requestedKopecks < rules.minGrantKopecks || requestedKopecks > rules.maxGrantKopecks)
      add('requestedKopecks', `the requested amount must be between ${rules.minGrantKopecks} and ${rules.maxGrantKopecks} kopecks`);
    if (totalCostKopecks > 0 && cofinancingKopecks * 100 < rules.minCofinancingPercent * totalCostKopecks)
      add('cofinancingKopecks', `co-financing must be at least ${rules.minCofinancingPercent}% of the total cost`);
  }

  // Documents and the organisation's limit.
  for (const kind of rules.requiredAttachmentKinds)
    if (!context.attachmentKinds.includes(kind)) add(`attachments.${kind}`, `a document "${ATTACHMENT_KIND_LABELS.en[kind as keyof typeof ATTACHMENT_KIND_LABELS.en] ?? kind}" is required`);
  if (context.submittedByOrganization >= rules.maxApplicationsPerOrganization)
    add('organizationId', `the organisation has already submitted ${context.submittedByOrganization} application(s), the most this competition accepts`);
  return problems;
}
