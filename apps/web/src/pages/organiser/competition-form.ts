// The competition editor's values: what people type (roubles, wall-clock times in the competition's zone)
// and their conversion to the API's body (kopecks, ISO instants). Server paths map back to the form's fields.
import { z } from 'zod';
import { DEFAULT_CRITERIA, DEFAULT_TIMEZONE, type Competition, type CreateCompetitionBody } from '@konkurs/shared';
import { instantToZoned, kopecksToRoubles, roublesToKopecks, zonedToInstant } from './zoned-time';

export const criterionRow = z.object({
  code: z.string().trim().min(1).max(20),
  title: z.string().trim().min(1).max(300),
  description: z.string().max(2000),
  weight: z.number().positive().max(100),
  maxScore: z.number().int().min(1).max(100),
  commentRequired: z.boolean(),
});

const money = z.number().min(0).max(Number.MAX_SAFE_INTEGER / 100);

export const competitionFormSchema = z.object({
  code: z.string().trim().min(2).max(30).regex(/^[A-Z0-9][A-Z0-9-]*$/, 'capital Latin letters, digits and -'),
  title: z.string().trim().min(1).max(300),
  description: z.string().max(20000),
  directionCodes: z.array(z.string()).min(1),
  regionCodes: z.array(z.string()),
  timezone: z.string().min(1),
  opensAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'invalid-time'),
  closesAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'invalid-time'),
  budget: money.positive(),
  minGrant: money,
  maxGrant: money.positive(),
  maxProjectMonths: z.number().int().min(1).max(120),
  minCofinancingPercent: z.number().min(0).max(100),
  reviewersPerApplication: z.number().int().min(1).max(10),
  divergenceThreshold: z.number().min(0).max(100),
  passMark: z.number().min(0).max(100),
  oneWinPerOrganization: z.boolean(),
  maxApplicationsPerOrganization: z.number().int().min(1).max(1000),
  requiredAttachmentKinds: z.array(z.enum(['charter', 'registration', 'letter_of_support', 'budget_justification', 'other'])),
  criteria: z.array(criterionRow).min(1).max(50),
}).superRefine((v, ctx) => {
  if (v.opensAt && v.closesAt && v.closesAt <= v.opensAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'must be after opensAt' });
  if (v.minGrant > v.maxGrant) ctx.addIssue({ code: 'custom', path: ['maxGrant'], message: 'must not be less than minGrantKopecks' });
  if (v.maxGrant > v.budget) ctx.addIssue({ code: 'custom', path: ['maxGrant'], message: 'must not exceed budgetKopecks' });
});
export type CompetitionFormValues = z.infer<typeof competitionFormSchema>;
export type CompetitionFormField = keyof CompetitionFormValues;

/** API body path → form field (money is typed in roubles under a name of its own). */
export const FIELD_OF_PATH: Record<string, string> = { budgetKopecks: 'budget', minGrantKopecks: 'minGrant', maxGrantKopecks: 'maxGrant' };
export const formPathOf = (apiPath: string) => FIELD_OF_PATH[apiPath] ?? apiPath;

export function emptyCompetitionForm(now: Date): CompetitionFormValues {
  const day = 86_400_000;
  const at18 = (d: Date) => `${instantToZoned(d.toISOString(), DEFAULT_TIMEZONE).slice(0, 10)}T18:00`;
  return {
    code: '', title: '', description: '', directionCodes: [], regionCodes: [], timezone: DEFAULT_TIMEZONE,
    opensAt: at18(new Date(now.getTime() + day)), closesAt: at18(new Date(now.getTime() + 31 * day)),
    budget: 10_000_000, minGrant: 100_000, maxGrant: 3_000_000, maxProjectMonths: 12, minCofinancingPercent: 10,
    reviewersPerApplication: 2, divergenceThreshold: 30, passMark: 60, oneWinPerOrganization: true, maxApplicationsPerOrganization: 2,
    requiredAttachmentKinds: [],
    criteria: DEFAULT_CRITERIA.map((c) => ({ code: c.code, title: c.title, description: c.description, weight: c.weight, maxScore: c.maxScore, commentRequired: c.commentRequired })),
  };
}

export function competitionToForm(c: Competition): CompetitionFormValues {
  return {
    code: c.code, title: c.title, description: c.description, directionCodes: c.directionCodes, regionCodes: c.regionCodes, timezone: c.timezone,
    opensAt: instantToZoned(c.opensAt, c.timezone), closesAt: instantToZoned(c.closesAt, c.timezone),
    budget: kopecksToRoubles(c.budgetKopecks), minGrant: kopecksToRoubles(c.minGrantKopecks), maxGrant: kopecksToRoubles(c.maxGrantKopecks),
    maxProjectMonths: c.maxProjectMonths, minCofinancingPercent: c.minCofinancingPercent, reviewersPerApplication: c.reviewersPerApplication,
    divergenceThreshold: c.divergenceThreshold, passMark: c.passMark, oneWinPerOrganization: c.oneWinPerOrganization,
    maxApplicationsPerOrganization: c.maxApplicationsPerOrganization, requiredAttachmentKinds: c.requiredAttachmentKinds,
    criteria: c.criteria.map((x) => ({ code: x.code, title: x.title, description: x.description, weight: x.weight, maxScore: x.maxScore, commentRequired: x.commentRequired })),
  };
}

/** The API body for a create (all fields) from the form's values. */
export function formToBody(v: CompetitionFormValues, operatorId: string): CreateCompetitionBody {
  const { budget, minGrant, maxGrant, opensAt, closesAt, ...rest } = v;
  return {
    ...rest,
    operatorId,
    opensAt: zonedToInstant(opensAt, v.timezone) ?? opensAt,
    closesAt: zonedToInstant(closesAt, v.timezone) ?? closesAt,
    budgetKopecks: roublesToKopecks(budget),
    minGrantKopecks: roublesToKopecks(minGrant),
    maxGrantKopecks: roublesToKopecks(maxGrant),
  };
}

/**
 * A patch names only what changed (the server freezes most settings once the competition is open, and
 * would refuse an unchanged frozen field all the same). A changed time zone re-sends both times.
 */
export function formToPatch(v: CompetitionFormValues, dirty: Partial<Record<CompetitionFormField, unknown>>, operatorId: string) {
  const body = formToBody(v, operatorId) as Record<string, unknown>;
  const keys = new Set<string>();
  for (const field of Object.keys(dirty) as CompetitionFormField[]) {
    if (!dirty[field]) continue;
    if (field === 'timezone') keys.add('timezone').add('opensAt').add('closesAt');
    else keys.add(Object.entries(FIELD_OF_PATH).find(([, f]) => f === field)?.[0] ?? field);
  }
  return Object.fromEntries([...keys].map((k) => [k, body[k]]));
}
