import { z } from 'zod';
import { ATTACHMENT_KINDS, COMPETITION_STATUSES } from './enums.js';
import { directionCode, id, instant, kopecks, regionCode, requiredText, text, version, type FieldIssue } from './common.js';
import { COMPETITION_CODE_PATTERN, CRITERION_CODE_PATTERN } from './patterns.js';

export const criterionInput = z.object({
  code: z.string().trim().min(1).max(20).regex(CRITERION_CODE_PATTERN),
  title: requiredText(300),
  description: text(2000).default(''),
  weight: z.number().positive().max(100),
  maxScore: z.number().int().min(1).max(100),
  commentRequired: z.boolean().default(false),
});
export type CriterionInput = z.infer<typeof criterionInput>;
export const criterion = criterionInput.extend({ description: z.string() });

/** Whether Intl knows the IANA time zone. */
export function isTimeZone(tz: string): boolean {
  try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; }
}
const timezone = z.string().max(64).refine(isTimeZone, { params: { code: 'unknown-timezone' } });

const competitionFields = z.object({
  code: z.string().trim().min(2).max(30).regex(COMPETITION_CODE_PATTERN),
  title: requiredText(300),
  description: text(20000).default(''),
  operatorId: id,
  directionCodes: z.array(directionCode).min(1).max(13),
  regionCodes: z.array(regionCode).max(89).default([]),
  opensAt: instant,
  closesAt: instant,
  timezone: timezone.default('Europe/Moscow'),
  budgetKopecks: kopecks.min(1),
  minGrantKopecks: kopecks,
  maxGrantKopecks: kopecks.min(1),
  maxProjectMonths: z.number().int().min(1).max(120),
  minCofinancingPercent: z.number().min(0).max(100),
  reviewersPerApplication: z.number().int().min(1).max(10).default(2),
  divergenceThreshold: z.number().min(0).max(100).default(30),
  passMark: z.number().min(0).max(100),
  oneWinPerOrganization: z.boolean().default(true),
  maxApplicationsPerOrganization: z.number().int().min(1).max(1000),
  requiredAttachmentKinds: z.array(z.enum(ATTACHMENT_KINDS)).max(5).default([]),
  criteria: z.array(criterionInput).min(1).max(50).optional(),
});

type Settings = Partial<z.infer<typeof competitionFields>>;
/**
 * Cross-field rules of a competition's settings; applied to a create and to the merged result of a patch.
 * Amounts go out in kopecks and instants as ISO (with the competition's zone), for the message to render.
 */
export function competitionSettingsIssues(c: Settings): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (c.opensAt && c.closesAt && Date.parse(c.closesAt) <= Date.parse(c.opensAt))
    // The rules also run beside a refused zone: the opening is then told in Moscow time.
    issues.push({ path: 'closesAt', code: 'closes-before-opens', params: { opensAt: c.opensAt, ...(c.timezone && isTimeZone(c.timezone) ? { timezone: c.timezone } : {}) } });
  if (c.minGrantKopecks !== undefined && c.maxGrantKopecks !== undefined && c.minGrantKopecks > c.maxGrantKopecks)
    issues.push({ path: 'maxGrantKopecks', code: 'max-grant-below-min', params: { minGrantKopecks: c.minGrantKopecks } });
  if (c.maxGrantKopecks !== undefined && c.budgetKopecks !== undefined && c.maxGrantKopecks > c.budgetKopecks)
    issues.push({ path: 'maxGrantKopecks', code: 'max-grant-over-budget', params: { budgetKopecks: c.budgetKopecks } });
  const repeated = (xs: string[] | undefined) => [...new Set((xs ?? []).filter((x, i) => xs!.indexOf(x) !== i))];
  for (const path of ['directionCodes', 'regionCodes'] as const) {
    const values = repeated(c[path]);
    if (values.length) issues.push({ path, code: 'repeated', params: { values } });
  }
  c.criteria?.forEach((cr, i) => {
    if (c.criteria!.findIndex((o) => o.code === cr.code) !== i) issues.push({ path: `criteria.${i}.code`, code: 'duplicate-criterion-code', params: { criterionCode: cr.code } });
  });
  return issues;
}

function withSettingsRules<T extends z.ZodType<Settings>>(schema: T) {
  return schema.superRefine((c, ctx) => {
    for (const issue of competitionSettingsIssues(c)) ctx.addIssue({ code: 'custom', path: issue.path.split('.'), params: { ...issue.params, code: issue.code } });
  });
}

export const createCompetitionBody = withSettingsRules(competitionFields);
export type CreateCompetitionBody = z.infer<typeof createCompetitionBody>;

const { operatorId: _ignored, ...patchable } = competitionFields.shape;
type WithoutDefaults<S> = { [K in keyof S]: S[K] extends z.ZodDefault<infer I> ? I : S[K] };
/** A patch sets only the fields it names: the create-time defaults must not refill the ones it leaves out. */
const withoutDefaults = <S extends z.ZodRawShape>(shape: S) =>
  Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, s instanceof z.ZodDefault ? s.unwrap() : s])) as WithoutDefaults<S>;
export const updateCompetitionBody = withSettingsRules(
  z.object(withoutDefaults(patchable)).partial().extend({ version }).strict(),
);
export type UpdateCompetitionBody = z.infer<typeof updateCompetitionBody>;

export const competition = z.object({
  id,
  code: z.string(),
  title: z.string(),
  description: z.string(),
  operatorId: id,
  operatorName: z.string(),
  status: z.enum(COMPETITION_STATUSES),
  directionCodes: z.array(z.string()),
  regionCodes: z.array(z.string()),
  opensAt: z.string(),
  closesAt: z.string(),
  timezone: z.string(),
  budgetKopecks: z.number(),
  minGrantKopecks: z.number(),
  maxGrantKopecks: z.number(),
  maxProjectMonths: z.number(),
  minCofinancingPercent: z.number(),
  reviewersPerApplication: z.number(),
  divergenceThreshold: z.number(),
  passMark: z.number(),
  oneWinPerOrganization: z.boolean(),
  maxApplicationsPerOrganization: z.number(),
  requiredAttachmentKinds: z.array(z.enum(ATTACHMENT_KINDS)),
  criteria: z.array(criterion),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Competition = z.infer<typeof competition>;

export const competitionsQuery = z.object({
  status: z.enum(COMPETITION_STATUSES).optional(),
  operatorId: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

export const poolBody = z.object({ expertIds: z.array(id).min(1).max(2000) });
