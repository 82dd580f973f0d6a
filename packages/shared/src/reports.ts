// After the award (PRODUCT.md "After the award", API.md "Reports and documents"): a winner's report schedule, the
// report it writes against its calendar plan and budget, the organiser's review, the competition's commission.
// A report is versioned and autosaved like a draft: every field may be absent or null while it is being written;
// submit lists every problem at once (reportProblems in apps/api/src/domain/report-rules.ts).
import { z } from 'zod';
import { COMMISSION_ROLES, REPORT_EVENT_STATUSES, REPORT_KINDS, REPORT_STATUSES } from './enums.js';
import { calendarDate, id, instant, kopecks, page, pageQuery, requiredText, text, version } from './common.js';
import { attachment } from './applications.js';

const opt = <T extends z.ZodType>(s: T) => s.nullable().optional();

/** What the report says of calendar-plan event `calendarIndex` (its index in the application's calendarPlan). */
export const reportEvent = z.object({
  calendarIndex: z.number().int().min(0).max(299),
  status: opt(z.enum(REPORT_EVENT_STATUSES)),
  actualStartDate: opt(calendarDate),
  actualEndDate: opt(calendarDate),
  result: opt(text(5000)),
});
export type ReportEvent = z.infer<typeof reportEvent>;

/** What was spent on budget line `budgetIndex` (its index in the application's budget), cumulatively since the project's start. */
export const reportSpending = z.object({
  budgetIndex: z.number().int().min(0).max(499),
  grantSpentKopecks: opt(kopecks),
  cofinancingSpentKopecks: opt(kopecks),
  note: opt(text(2000)),
});
export type ReportSpending = z.infer<typeof reportSpending>;

/** A publication or media link: http(s) only. */
export const reportLink = z.url({ protocol: /^https?$/ }).max(2000);

/** The fields a report's writer fills (PATCH replaces each field it names, as the application's autosave does). */
export const reportFields = z.object({
  events: opt(z.array(reportEvent).max(300)),
  spending: opt(z.array(reportSpending).max(500)),
  narrative: opt(text(20000)),
  links: opt(z.array(reportLink).max(50)),
  /** Why the co-financing spent is below the share the application promised (required then at submit). */
  cofinancingNote: opt(text(2000)),
});
export type ReportFields = z.infer<typeof reportFields>;
export const REPORT_FIELD_NAMES = Object.keys(reportFields.shape) as (keyof ReportFields)[];
export const updateReportBody = reportFields.extend({ version }).strict();
export type UpdateReportBody = z.infer<typeof updateReportBody>;

/** An organiser's comment on one field of the report: `path` is a dotted path into the report (`spending.2.grantSpentKopecks`, `narrative`). */
export const fieldComment = z.object({ path: z.string().trim().min(1).max(200), comment: requiredText(2000) });
export type FieldComment = z.infer<typeof fieldComment>;

export const reviewReportBody = z.object({
  decision: z.enum(['accept', 'return']),
  comment: text(5000).optional(),
  fieldComments: z.array(fieldComment).max(200).optional(),
}).strict().refine((b) => b.decision === 'accept' || Boolean(b.comment?.trim()) || Boolean(b.fieldComments?.length),
  { path: ['comment'], params: { code: 'return-comment-required' } });
export type ReviewReportBody = z.infer<typeof reviewReportBody>;

/** One round of a report: what was submitted, and what the organiser decided about it (null until reviewed). */
export const reportRound = z.object({
  round: z.number().int(),
  version: z.number().int(),
  submittedAt: instant,
  submittedBy: z.string().nullable(),
  content: reportFields,
  decision: z.enum(['accept', 'return']).nullable(),
  comment: z.string().nullable(),
  fieldComments: z.array(fieldComment),
  reviewedAt: instant.nullable(),
  reviewedBy: z.string().nullable(),
});
export type ReportRound = z.infer<typeof reportRound>;

/** A supporting document of a report, optionally of one budget line. */
export const reportAttachment = attachment.omit({ kind: true }).extend({ budgetIndex: z.number().int().nullable() });
export type ReportAttachment = z.infer<typeof reportAttachment>;

/** A report in a list: the application's reports, a competition's reports. */
export const reportSummary = z.object({
  id,
  applicationId: id,
  applicationNumber: z.string(),
  applicationTitle: z.string().nullable(),
  organizationName: z.string(),
  regionCode: z.string(),
  competitionId: id,
  kind: z.enum(REPORT_KINDS),
  /** 1, 2… in the order of the schedule. */
  seq: z.number().int(),
  /** The deadline: the end of the due date in the competition's timezone. */
  dueAt: instant,
  status: z.enum(REPORT_STATUSES),
  /** Still owed after dueAt. */
  overdue: z.boolean(),
  version: z.number().int(),
  submittedAt: instant.nullable(),
  acceptedAt: instant.nullable(),
  grantSpentKopecks: z.number(),
  cofinancingSpentKopecks: z.number(),
  updatedAt: instant,
});
export type ReportSummary = z.infer<typeof reportSummary>;

/** What the report is measured against: the application's plan and budget as submitted, and the award. */
export const reportPlan = z.object({
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  awardedKopecks: z.number(),
  calendarPlan: z.array(z.object({ title: z.string().nullable(), startDate: z.string().nullable(), endDate: z.string().nullable(), expectedResult: z.string().nullable() })),
  budget: z.array(z.object({
    category: z.string().nullable(), item: z.string().nullable(),
    /** quantity × unit cost */
    totalKopecks: z.number(),
    /** What the application promised from co-financing. */
    cofinancingKopecks: z.number(),
    /** What the grant pays: the line's total less its co-financing. */
    grantKopecks: z.number(),
  })),
});
export type ReportPlan = z.infer<typeof reportPlan>;

export const report = reportSummary.extend(reportFields.shape).extend({
  competitionTitle: z.string(),
  timezone: z.string(),
  plan: reportPlan,
  attachments: z.array(reportAttachment),
  /** The comments of the latest return (beside the fields while the report is `returned`). */
  comment: z.string().nullable(),
  fieldComments: z.array(fieldComment),
  /** Every submitted round, oldest first, with its decision. */
  history: z.array(reportRound),
});
export type Report = z.infer<typeof report>;

export const reportList = z.array(reportSummary);
export const competitionReportsQuery = pageQuery.extend({
  status: z.enum(REPORT_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type CompetitionReportsQuery = z.infer<typeof competitionReportsQuery>;
/** A competition's reports by where they stand (the whole competition, whatever the filters): owed and not yet late, overdue, awaiting review, accepted. */
export const reportCounts = z.object({ due: z.number().int(), overdue: z.number().int(), submitted: z.number().int(), accepted: z.number().int() });
export type ReportCounts = z.infer<typeof reportCounts>;
export const reportPage = page(reportSummary).extend({ counts: reportCounts });
export type ReportPage = z.infer<typeof reportPage>;

/** The interim report dates of a competition's winners: null goes back to the default (one at each project's midpoint), [] means none. */
export const reportScheduleBody = z.object({ interimDates: z.array(calendarDate).max(12).nullable() }).strict();
export const reportSchedule = z.object({
  /** null: the default, one interim report at each project's midpoint. */
  interimDates: z.array(calendarDate).nullable(),
  /** Days after the project's end the final report is due. */
  finalReportDays: z.number().int(),
});
export type ReportSchedule = z.infer<typeof reportSchedule>;

export const commissionMember = z.object({
  fullName: requiredText(300),
  position: requiredText(300),
  role: z.enum(COMMISSION_ROLES),
});
export type CommissionMember = z.infer<typeof commissionMember>;
export const commissionBody = z.object({ members: z.array(commissionMember).max(50) }).strict();
export const commission = z.object({ members: z.array(commissionMember) });
export type Commission = z.infer<typeof commission>;

/** The body of a document download: a PDF, byte-identical for the same data. */
export const pdfDownload = z.string().describe('application/pdf, reproducible: two downloads of the same document are byte-identical');
