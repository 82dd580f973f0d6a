// The database half of applications (the use cases are in services/applications.ts). Reading goes through applicationScope (scope.ts),
// plus an expert's own assignments; writes are for members of the applicant organisation, a condition folded
// into the statements themselves so that the hot paths (autosave, submit) make no separate membership query.
import { and, desc, eq, getTableColumns, isNotNull, isNull, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { COUNTED_AS_SUBMITTED, resultsArePublic, type Application, type ApplicationStatus, type ApplicationSummary, type Attachment, type CompetitionStatus, type DraftFields } from '@konkurs/shared';
import type { Db, Executor, Tx } from '../db/client.js';
import { applications, assignments, attachments, competitions, organizationMembers, organizations } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { notFound } from '../domain/errors.js';
import type { DerivedColumns } from '../domain/application-content.js';
import type { SubmissionContext } from '../domain/submission-rules.js';
import { applicationScope } from './scope.js';
import type { CompetitionRow } from './competitions.js';

export type ApplicationRow = typeof applications.$inferSelect;

/** The user is a member of the application's organisation (a condition on the applications row). */
export const isMemberOfApplicant = (userId: string | Placeholder): SQL =>
  sql`exists (select 1 from ${organizationMembers} where ${organizationMembers.organizationId} = ${applications.organizationId} and ${organizationMembers.userId} = ${userId})`;

/** What the user may read: the scope of scope.ts, and for an expert the applications assigned to them (not declined). */
export async function readableApplications(db: Executor, user: AuthUser): Promise<SQL> {
  if (user.role === 'expert')
    return sql`exists (select 1 from ${assignments} where ${assignments.applicationId} = ${applications.id} and ${assignments.expertId} = ${user.id} and ${assignments.status} <> 'declined')`;
  return applicationScope(db, user);
}

/** Scores and awards are the committee's until the results are published; an expert never sees the others' verdict. */
function showsResults(role: AuthUser['role'], competitionStatus: string): boolean {
  if (role === 'expert') return false;
  if (role === 'applicant') return resultsArePublic(competitionStatus as CompetitionStatus);
  return true;
}

const attachmentColumns = {
  id: attachments.id, kind: attachments.kind, fileName: attachments.fileName, mimeType: attachments.mimeType,
  sizeBytes: attachments.sizeBytes, sha256: attachments.sha256, createdAt: attachments.createdAt,
};
type AttachmentRow = { [K in keyof typeof attachmentColumns]: (typeof attachments.$inferSelect)[K] };
export const toAttachment = (a: AttachmentRow): Attachment => ({ ...a, createdAt: a.createdAt.toISOString() });

/** The joined columns every application view carries. */
const context = {
  competitionCode: competitions.code, competitionTitle: competitions.title, competitionStatus: competitions.status,
  organizationName: organizations.shortName,
};
type Context = { competitionCode: string; competitionTitle: string; competitionStatus: string; organizationName: string };

export function toApplication(a: ApplicationRow, c: Context, files: AttachmentRow[], role: AuthUser['role']): Application {
  const results = showsResults(role, c.competitionStatus);
  return {
    ...a.content,
    id: a.id, number: a.number, competitionId: a.competitionId, competitionCode: c.competitionCode, competitionTitle: c.competitionTitle,
    organizationId: a.organizationId, organizationName: c.organizationName, regionCode: a.regionCode, status: a.status, version: a.version,
    totalCostKopecks: a.totalCostKopecks, cofinancingKopecks: a.cofinancingKopecks, requestedKopecks: a.requestedKopecks,
    awardedKopecks: results ? a.awardedKopecks : null, finalScore: results ? a.finalScore : null, screeningReason: a.screeningReason,
    attachments: files.map(toAttachment),
    submittedAt: a.submittedAt?.toISOString() ?? null, hiddenAt: a.hiddenAt?.toISOString() ?? null, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(),
  };
}

async function attachmentsOf(db: Executor, applicationId: string) {
  return db.select(attachmentColumns).from(attachments).where(eq(attachments.applicationId, applicationId)).orderBy(attachments.createdAt, attachments.id);
}

/** The organisation as a printed application names it (the read of one application carries it). */
const organizationIdentity = {
  fullName: organizations.fullName, inn: organizations.inn, ogrn: organizations.ogrn, kpp: organizations.kpp, regionCode: organizations.regionCode,
};

/** The application with its attachments if the user may read it; 404 otherwise. */
export async function readApplication(db: Executor, user: AuthUser, id: string): Promise<Application> {
  const [row] = await db.select({ a: applications, ...context, organization: organizationIdentity }).from(applications)
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.id, id), await readableApplications(db, user)));
  if (!row) throw notFound('application');
  return { ...toApplication(row.a, row, await attachmentsOf(db, id), user.role), organization: row.organization };
}

export async function listApplications(db: Executor, user: AuthUser,
  filter: { competitionId?: string; organizationId?: string; status?: ApplicationStatus; hidden?: boolean; afterId?: string }, limit: number) {
  const where: SQL[] = [await applicationScope(db, user)];
  // Hiding is the applicant's own view of its list: staff see every application whatever its members hid.
  if (user.role === 'applicant') where.push(filter.hidden ? isNotNull(applications.hiddenAt) : isNull(applications.hiddenAt));
  if (filter.competitionId) where.push(eq(applications.competitionId, filter.competitionId));
  if (filter.organizationId) where.push(eq(applications.organizationId, filter.organizationId));
  if (filter.status) where.push(eq(applications.status, filter.status));
  // Keyset on (created_at, id), compared in SQL against the cursor's row so that microseconds are not lost in JSON.
  if (filter.afterId) where.push(sql`(${applications.createdAt}, ${applications.id}) < (select a.created_at, a.id from applications a where a.id = ${filter.afterId})`);
  return db.select({
    id: applications.id, number: applications.number, competitionId: applications.competitionId, organizationId: applications.organizationId,
    regionCode: applications.regionCode, status: applications.status, version: applications.version, title: applications.title,
    directionCode: applications.directionCode, requestedKopecks: applications.requestedKopecks, awardedKopecks: applications.awardedKopecks,
    finalScore: applications.finalScore, submittedAt: applications.submittedAt, hiddenAt: applications.hiddenAt, updatedAt: applications.updatedAt, ...context,
  }).from(applications)
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(...where)).orderBy(desc(applications.createdAt), desc(applications.id)).limit(limit + 1);
}

export function toSummary(r: Awaited<ReturnType<typeof listApplications>>[number], role: AuthUser['role']): ApplicationSummary {
  const results = showsResults(role, r.competitionStatus);
  return {
    id: r.id, number: r.number, competitionId: r.competitionId, competitionCode: r.competitionCode, competitionTitle: r.competitionTitle,
    organizationId: r.organizationId, organizationName: r.organizationName, regionCode: r.regionCode, status: r.status, version: r.version,
    title: r.title, directionCode: r.directionCode as ApplicationSummary['directionCode'], requestedKopecks: r.requestedKopecks,
    awardedKopecks: results ? r.awardedKopecks : null, finalScore: results ? r.finalScore : null,
    submittedAt: r.submittedAt?.toISOString() ?? null, hiddenAt: r.hiddenAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * Adds a draft numbered from its competition's counter in the same statement (next_application_number, migration
 * 0007): run outside a transaction, the counter's row is locked for that statement only, so creations do not queue
 * behind each other, and numbers stay dense and in order. The content is not read back: the caller has it (~30 KB).
 */
export async function insertApplication(db: Executor, comp: Pick<CompetitionRow, 'id'>, org: { id: string; regionCode: string }, createdBy: string,
  fields: DraftFields, derived: DerivedColumns, now: Date): Promise<ApplicationRow> {
  const [row] = await db.insert(applications).values({
    competitionId: comp.id, organizationId: org.id, number: sql`next_application_number(${comp.id})`, content: fields, ...derived,
    regionCode: org.regionCode, createdBy, createdAt: now, updatedAt: now,
  }).returning(columnsWithoutContent);
  return { ...row, content: fields };
}

/**
 * The autosave: one versioned UPDATE that merges the sent fields into the stored content (fields not sent are
 * kept), only for a member, only a draft, only from the version the client had, and returns the whole view;
 * undefined when it changed nothing (draftState then tells why).
 */
export async function updateDraft(db: Executor, user: AuthUser, id: string, version: number, fields: DraftFields,
  derived: Partial<DerivedColumns>, now: Date): Promise<Application | undefined> {
  // The fields the JSON carries (as jsonb merges them: an undefined value is not sent).
  const sent = Object.keys(fields).filter((k) => fields[k as keyof DraftFields] !== undefined);
  const [row] = await autosaveStatement(db, Object.keys(derived) as DerivedColumn[]).execute({
    ...derived, fields: JSON.stringify(fields), sent: `{${sent.join(',')}}`, id, version, userId: user.id, now: now.toISOString(),
  });
  if (row) {
    const content: Record<string, unknown> = row.kept;
    for (const k of sent) content[k] = fields[k as keyof DraftFields];
    return toApplication({ ...row.a, content }, row, row.files.map((f) => ({ ...f, createdAt: new Date(f.createdAt) })), user.role);
  }
  return undefined;
}

/** The member's application's number, status and version (404 for anyone else): why a save changed nothing. */
export async function draftState(db: Executor, user: AuthUser, id: string) {
  const [current] = await db.select({ number: applications.number, status: applications.status, version: applications.version }).from(applications)
    .where(and(eq(applications.id, id), isMemberOfApplicant(user.id)));
  if (!current) throw notFound('application');
  return current;
}

type DerivedColumn = keyof DerivedColumns;
const DERIVED: readonly DerivedColumn[] = ['title', 'directionCode', 'totalCostKopecks', 'cofinancingKopecks', 'requestedKopecks'];
const { content: _content, ...columnsWithoutContent } = getTableColumns(applications);

function buildAutosave(db: Executor, columns: readonly DerivedColumn[]) {
  const p = sql.placeholder;
  return db.update(applications).set({
    content: sql`${applications.content} || ${p('fields')}::jsonb`,
    ...Object.fromEntries(columns.map((c) => [c, sql`${p(c)}`])),
    version: sql`${applications.version} + 1`,
    updatedAt: sql`${p('now')}`,
  }).from(competitions)
    .where(and(eq(applications.id, p('id')), eq(applications.version, p('version')), eq(applications.status, 'draft'), isMemberOfApplicant(p('userId')),
      eq(competitions.id, applications.competitionId)))
    .returning({
      a: columnsWithoutContent,
      // Only the stored fields this save did not send come back: the merged content is those plus the sent
      // fields, which the server has already (a full save then reads back `{}` instead of its ~30 KB).
      // The field names come from the strict body schema, so they are plain words in the array literal.
      kept: sql<Record<string, unknown>>`${applications.content} - ${p('sent')}::text[]`,
      ...context,
      // An UPDATE's joins cannot refer to its target, hence a subquery here.
      organizationName: sql<string>`(select o.short_name from organizations o where o.id = ${applications.organizationId})`,
      files: sql<AttachmentJson[]>`coalesce((select json_agg(json_build_object('id', f.id, 'kind', f.kind, 'fileName', f.file_name, 'mimeType', f.mime_type,
        'sizeBytes', f.size_bytes, 'sha256', f.sha256, 'createdAt', f.created_at) order by f.created_at, f.id) from attachments f where f.application_id = ${applications.id}), '[]'::json)`,
    })
    // A statement name is short (PostgreSQL keeps 63 bytes of it): the columns by their place in DERIVED.
    .prepare(`autosave_${columns.map((c) => DERIVED.indexOf(c)).join('')}`);
}

/**
 * The autosave's statement for the derived columns a save changes (a handful of shapes), built once per
 * database and prepared on each connection: building it per request and planning it each time cost more
 * than running it.
 */
const autosaveStatements = new WeakMap<Executor, Map<string, ReturnType<typeof buildAutosave>>>();
function autosaveStatement(db: Executor, columns: readonly DerivedColumn[]) {
  let shapes = autosaveStatements.get(db);
  if (!shapes) autosaveStatements.set(db, (shapes = new Map()));
  const key = columns.join(',');
  let statement = shapes.get(key);
  if (!statement) shapes.set(key, (statement = buildAutosave(db, columns)));
  return statement;
}
type AttachmentJson = Omit<AttachmentRow, 'createdAt'> & { createdAt: string };

/**
 * The application locked for a status change by a member, with its competition. With `organization`, the
 * organisation's row is locked in the same statement: that serialises the organisation's submits, so that its
 * limit holds.
 */
export async function lockForMember(tx: Tx, user: AuthUser, id: string, { organization = false } = {}) {
  const [row] = await tx.select({ a: applications, c: competitions }).from(applications)
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.id, id), isMemberOfApplicant(user.id)))
    .for('no key update', { of: organization ? [applications, organizations] : applications });
  if (!row) throw notFound('application');
  return row;
}

// The workflow's set as a literal list: the same plan as a hand-written one, no parameters on the hot path.
const COUNTED = sql.raw(`(${COUNTED_AS_SUBMITTED.map((s) => `'${s}'`).join(', ')})`);

/**
 * What a submit knows besides the content: the kinds of the documents, and how many of the organisation's
 * applications count against its limit. Read after the organisation's lock, so the snapshot sees what the
 * previous holder of the lock committed.
 */
export async function submissionContext(tx: Tx, a: Pick<ApplicationRow, 'id' | 'organizationId' | 'competitionId'>): Promise<SubmissionContext> {
  const [known] = await tx.select({
    submitted: sql<number>`(select count(*)::int from ${applications} where ${applications.organizationId} = ${a.organizationId}
      and ${applications.competitionId} = ${a.competitionId} and ${applications.status} in ${COUNTED})`,
    kinds: sql<string[]>`(select coalesce(array_agg(distinct ${attachments.kind}), '{}') from ${attachments} where ${attachments.applicationId} = ${a.id})`,
    regionCode: organizations.regionCode,
  }).from(organizations).where(eq(organizations.id, a.organizationId));
  return { attachmentKinds: known.kinds, submittedByOrganization: known.submitted, organizationRegionCode: known.regionCode };
}

/** How many of the organisation's applications to the competition count against its limit. */
export async function countSubmittedByOrganization(db: Executor, organizationId: string, competitionId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(applications)
    .where(and(eq(applications.organizationId, organizationId), eq(applications.competitionId, competitionId), sql`${applications.status} in ${COUNTED}`));
  return row.n;
}

/** Deletes the locked draft with its attachments' rows (they cascade); the storage keys of their files, to remove after commit. */
export async function deleteDraft(tx: Tx, id: string): Promise<string[]> {
  const files = await tx.delete(attachments).where(eq(attachments.applicationId, id)).returning({ key: attachments.storageKey });
  await tx.delete(applications).where(eq(applications.id, id));
  return files.map((f) => f.key);
}

/** Hides the application from its organisation's list (`hiddenAt` set) or shows it again (null). */
export async function setHidden(tx: Tx, id: string, hiddenAt: Date | null) {
  await tx.update(applications).set({ hiddenAt }).where(eq(applications.id, id));
}
