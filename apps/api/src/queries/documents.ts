// What the printable documents are filled from, read within the scope of the user asking (scope.ts: what a user may
// not see is a 404), and the record of the bytes rendered so far (documents: one row per distinct rendering).
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { COUNTED_AS_ADMITTED, COUNTED_AS_SUBMITTED, type DocumentKind } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { applications, attachments, competitions, documents, operators, organizations, reports } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { notFound } from '../domain/errors.js';
import { rankWithWaiting } from '../domain/scoring.js';
import { applicationScope, staffCompetitionScope } from './scope.js';

const organizationColumns = {
  fullName: organizations.fullName, shortName: organizations.shortName, inn: organizations.inn, ogrn: organizations.ogrn, kpp: organizations.kpp,
  regionCode: organizations.regionCode, address: organizations.address, email: organizations.email, phone: organizations.phone, website: organizations.website,
};

/** An application the user may read (its organisation's members, drafts included; staff of its operator, submitted once), with what its documents name. */
export async function applicationForDocument(db: Executor, user: AuthUser, id: string) {
  const [row] = await db.select({
    application: applications,
    competition: {
      id: competitions.id, code: competitions.code, title: competitions.title, status: competitions.status, timezone: competitions.timezone,
      operatorId: competitions.operatorId, publishedAt: competitions.publishedAt,
    },
    operatorName: operators.name,
    organization: organizationColumns,
  }).from(applications)
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .innerJoin(operators, eq(operators.id, competitions.operatorId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.id, id), await applicationScope(db, user)));
  if (!row) throw notFound('application');
  return row;
}

export function attachmentsForDocument(db: Executor, applicationId: string) {
  return db.select({ kind: attachments.kind, fileName: attachments.fileName, sizeBytes: attachments.sizeBytes, sha256: attachments.sha256 })
    .from(attachments).where(eq(attachments.applicationId, applicationId)).orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/** The application's report schedule, in order (none before the results are published). */
export function reportScheduleOf(db: Executor, applicationId: string) {
  return db.select({ kind: reports.kind, seq: reports.seq, dueAt: reports.dueAt }).from(reports)
    .where(eq(reports.applicationId, applicationId)).orderBy(asc(reports.seq));
}

/** A competition the user's operator runs (a federal official: any; the admin: any), with its operator's name; 404 otherwise. */
export async function competitionForProtocol(db: Executor, user: AuthUser, id: string) {
  const scope = await staffCompetitionScope(db, user, { federalSeesAll: true });
  const [row] = await db.select({ competition: competitions, operatorName: operators.name }).from(competitions)
    .innerJoin(operators, eq(operators.id, competitions.operatorId))
    .where(and(eq(competitions.id, id), scope));
  if (!row) throw notFound('competition');
  return row;
}

/** The protocol's ranking: every application that passed screening, in ranking order, with its decision. */
export async function protocolRanking(db: Executor, competitionId: string) {
  const rows = await db.select({
    number: applications.number, title: applications.title, organization: organizations.fullName, inn: organizations.inn,
    finalScore: applications.finalScore, submittedAt: applications.submittedAt, status: applications.status,
    requestedKopecks: applications.requestedKopecks, awardedKopecks: applications.awardedKopecks, reason: applications.notSupportedReason,
  }).from(applications).innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.competitionId, competitionId), inArray(applications.status, [...COUNTED_AS_ADMITTED])));
  return rankWithWaiting(rows.map((r) => ({ ...r, waiting: false })));
}

/** How many applications were submitted to the competition, and how many of them screening rejected. */
export async function submittedCounts(db: Executor, competitionId: string) {
  const rows = await db.select({ status: applications.status, n: count() }).from(applications)
    .where(and(eq(applications.competitionId, competitionId), inArray(applications.status, [...COUNTED_AS_SUBMITTED])))
    .groupBy(applications.status);
  return {
    submitted: rows.reduce((s, r) => s + r.n, 0),
    rejected: rows.find((r) => r.status === 'rejected')?.n ?? 0,
  };
}

/** Records a rendering; true only for the first time these exact bytes of this document are recorded. */
export async function insertDocument(tx: Tx, row: { kind: DocumentKind; objectId: string; sha256: string; sizeBytes: number; generatedAt: Date }): Promise<boolean> {
  const inserted = await tx.insert(documents).values(row).onConflictDoNothing().returning({ sha256: documents.sha256 });
  return inserted.length > 0;
}
