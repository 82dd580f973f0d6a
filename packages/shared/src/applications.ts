import { z } from 'zod';
import { APPLICATION_STATUSES, ATTACHMENT_KINDS, BUDGET_CATEGORIES } from './enums.js';
import { calendarDate, directionCode, id, kopecks, regionCode, text, version } from './common.js';

// A draft saves anything, partially: every field may be absent or null, but what is present has the right type.
const opt = <T extends z.ZodType>(s: T) => s.nullable().optional();

export const teamMember = z.object({ fullName: opt(text(300)), role: opt(text(300)), experience: opt(text(5000)) });
export const calendarEvent = z.object({
  taskIndex: opt(z.number().int().min(0).max(99)),
  title: opt(text(500)),
  startDate: opt(calendarDate),
  endDate: opt(calendarDate),
  expectedResult: opt(text(2000)),
});
export const budgetLine = z.object({
  category: opt(z.enum(BUDGET_CATEGORIES)),
  item: opt(text(500)),
  quantity: opt(z.number().min(0).max(1_000_000)),
  unitCostKopecks: opt(kopecks),
  cofinancingKopecks: opt(kopecks),
});
export type BudgetLine = z.infer<typeof budgetLine>;

export const draftFields = z.object({
  title: opt(text(300)),
  directionCode: opt(directionCode),
  summary: opt(text(3000)),
  relevance: opt(text(20000)),
  goal: opt(text(3000)),
  tasks: opt(z.array(text(1000)).max(50)),
  targetGroups: opt(z.array(text(500)).max(50)),
  geographyRegionCodes: opt(z.array(regionCode).max(89)),
  startDate: opt(calendarDate),
  endDate: opt(calendarDate),
  team: opt(z.array(teamMember).max(100)),
  calendarPlan: opt(z.array(calendarEvent).max(300)),
  budget: opt(z.array(budgetLine).max(500)),
});
export type DraftFields = z.infer<typeof draftFields>;
export const DRAFT_FIELD_NAMES = Object.keys(draftFields.shape) as (keyof DraftFields)[];

export const createApplicationBody = draftFields.extend({ organizationId: id }).strict();
export const updateApplicationBody = draftFields.extend({ version }).strict();

export const attachment = z.object({
  id,
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachment>;

export const application = draftFields.extend({
  id,
  number: z.string(),
  competitionId: id,
  competitionCode: z.string(),
  competitionTitle: z.string(),
  organizationId: id,
  organizationName: z.string(),
  regionCode: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  version: z.number(),
  totalCostKopecks: z.number(),
  cofinancingKopecks: z.number(),
  requestedKopecks: z.number(),
  awardedKopecks: z.number().nullable(),
  finalScore: z.number().nullable(),
  screeningReason: z.string().nullable(),
  attachments: z.array(attachment),
  submittedAt: z.string().nullable(),
  /** When a member hid it (a withdrawn one) from the organisation's list; null while it is shown. */
  hiddenAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The organisation's identity, for the printed application (GET /applications/:id; the autosave's answers leave it out). */
  organization: z.object({ fullName: z.string(), inn: z.string(), ogrn: z.string(), kpp: z.string(), regionCode: z.string() }).optional(),
});
export type Application = z.infer<typeof application>;

export const applicationSummary = application.pick({
  id: true, number: true, competitionId: true, competitionCode: true, competitionTitle: true, organizationId: true,
  organizationName: true, regionCode: true, status: true, version: true, title: true, directionCode: true,
  requestedKopecks: true, awardedKopecks: true, finalScore: true, submittedAt: true, hiddenAt: true, updatedAt: true,
});
export type ApplicationSummary = z.infer<typeof applicationSummary>;

export const applicationsQuery = z.object({
  competitionId: id.optional(),
  organizationId: id.optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  /** An applicant's list shows the applications its members have not hidden; `hidden=true` lists the hidden ones. */
  hidden: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

export const submitResult = z.object({ id, status: z.literal('submitted'), submittedAt: z.string(), version: z.number() });

export const screeningBody = z
  .object({ decision: z.enum(['admit', 'reject']), reason: z.string().trim().max(2000).optional() })
  .refine((b) => b.decision === 'admit' || (b.reason && b.reason.length > 0), { path: ['reason'], params: { code: 'reject-reason-required' } });

export const attachmentKindField = z.enum(ATTACHMENT_KINDS);

/** One budget line's total: quantity × unit cost, in whole kopecks. */
export const budgetLineTotal = (l: Pick<BudgetLine, 'quantity' | 'unitCostKopecks'>) => Math.round((l.quantity ?? 0) * (l.unitCostKopecks ?? 0));

/** Budget totals derived from the lines: requested = Σ line totals − Σ co-financing. */
export function budgetTotals(lines: readonly BudgetLine[] | null | undefined) {
  let totalCostKopecks = 0;
  let cofinancingKopecks = 0;
  for (const l of lines ?? []) {
    totalCostKopecks += budgetLineTotal(l);
    cofinancingKopecks += l.cofinancingKopecks ?? 0;
  }
  return { totalCostKopecks, cofinancingKopecks, requestedKopecks: Math.max(0, totalCostKopecks - cofinancingKopecks) };
}
