// The competition editor's values: what people type (roubles, wall-clock times in the competition's zone)
// and their conversion to the API's body (kopecks, ISO instants). Server paths map back to the form's fields.
import { z } from 'zod';
import {
  COMPETITION_FIELDS, DEFAULT_CRITERIA, DEFAULT_TIMEZONE, EDITABLE_FIELDS, competitionSettingsIssues, createCompetitionBody,
  type Competition, type CompetitionStatus, type CreateCompetitionBody,
} from '@konkurs/shared';
import { instantToZoned, kopecksToRoubles, roublesToKopecks, zonedToInstant } from './zoned-time';

const settings = createCompetitionBody.shape;
/** A DateTimeField's value `YYYY-MM-DDTHH:mm`: the wall clock of the competition's zone, turned into an instant on save. */
const wallClock = z.string().min(1).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
const roubles = z.number().min(0).max(Number.MAX_SAFE_INTEGER / 100);

/**
 * The server's schema of a competition (code pattern, bounds, criteria rules) for every field typed as it is sent;
 * money in roubles and times on the wall clock instead. The cross-field rules (dates in order, grant bounds within
 * the budget, no repeated direction, region or criterion code) are the server's own, run on the body this form sends.
 */
export const competitionFormSchema = z.object({
  code: settings.code, title: settings.title, description: settings.description,
  directionCodes: settings.directionCodes, regionCodes: settings.regionCodes, timezone: settings.timezone,
  opensAt: wallClock, closesAt: wallClock,
  budget: roubles.positive(), minGrant: roubles, maxGrant: roubles.positive(),
  maxProjectMonths: settings.maxProjectMonths, minCofinancingPercent: settings.minCofinancingPercent,
  reviewersPerApplication: settings.reviewersPerApplication, divergenceThreshold: settings.divergenceThreshold, passMark: settings.passMark,
  oneWinPerOrganization: settings.oneWinPerOrganization, maxApplicationsPerOrganization: settings.maxApplicationsPerOrganization,
  requiredAttachmentKinds: settings.requiredAttachmentKinds,
  criteria: settings.criteria.unwrap(),
}).superRefine((v, ctx) => {
  for (const issue of competitionSettingsIssues(formToBody(v, ''))) {
    ctx.addIssue({ code: 'custom', path: formPathOf(issue.path).split('.'), params: { ...issue.params, code: issue.code } });
  }
});
export type CompetitionFormValues = z.output<typeof competitionFormSchema>;
export type CompetitionFormField = keyof CompetitionFormValues;

/** API body path → form field (money is typed in roubles under a name of its own). */
export const FIELD_OF_PATH: Record<string, string> = { budgetKopecks: 'budget', minGrantKopecks: 'minGrant', maxGrantKopecks: 'maxGrant' };
export const formPathOf = (apiPath: string) => FIELD_OF_PATH[apiPath] ?? apiPath;

/** The form's fields a competition in this status accepts a change of: shared's EDITABLE_FIELDS (a new one: all). */
export function editableFormFields(status: CompetitionStatus | undefined): ReadonlySet<string> {
  return new Set((status ? EDITABLE_FIELDS[status] : COMPETITION_FIELDS).map(formPathOf));
}

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
