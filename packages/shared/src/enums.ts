// Every enumeration of the domain, declared once and used by the API, the database and the SPA.
export const ROLES = ['applicant', 'expert', 'organiser', 'official', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const OPERATOR_LEVELS = ['federal', 'regional', 'municipal'] as const;
export type OperatorLevel = (typeof OPERATOR_LEVELS)[number];

export const COMPETITION_STATUSES = ['draft', 'open', 'review', 'decided', 'published', 'archived'] as const;
export type CompetitionStatus = (typeof COMPETITION_STATUSES)[number];

export const APPLICATION_STATUSES = [
  'draft', 'submitted', 'admitted', 'rejected', 'under_review', 'reviewed', 'winner', 'not_supported', 'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const BUDGET_CATEGORIES = ['salaries', 'fees', 'travel', 'goods', 'rent', 'media', 'events', 'other'] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

export const ATTACHMENT_KINDS = ['charter', 'registration', 'letter_of_support', 'budget_justification', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ASSIGNMENT_STATUSES = ['assigned', 'declined', 'submitted'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const REVIEW_STATUSES = ['draft', 'submitted'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A grant report's lifecycle (PRODUCT.md "After the award"): due (not started), draft, submitted, accepted, returned. */
export const REPORT_STATUSES = ['due', 'draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_KINDS = ['interim', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
/** What a report says of one calendar-plan event. */
export const REPORT_EVENT_STATUSES = ['done', 'partly', 'not_done'] as const;
export type ReportEventStatus = (typeof REPORT_EVENT_STATUSES)[number];
/** A member of a competition's commission, as the protocol lists them. */
export const COMMISSION_ROLES = ['chair', 'secretary', 'member'] as const;
export type CommissionRole = (typeof COMMISSION_ROLES)[number];
/** The printable documents (application/pdf, reproducible). */
export const DOCUMENT_KINDS = ['application', 'protocol', 'agreement'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const AWARD_MODES = ['stop', 'skip'] as const;
export type AwardMode = (typeof AWARD_MODES)[number];

export const TOTALS_GROUPS = ['region', 'direction', 'competition', 'operator'] as const;
export type TotalsGroup = (typeof TOTALS_GROUPS)[number];

/** Attachment MIME types accepted, judged from the file's bytes. */
export const ATTACHMENT_MIME_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/msword',
  'application/vnd.ms-excel',
  'application/x-cfb',
] as const;

