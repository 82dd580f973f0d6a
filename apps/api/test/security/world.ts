// The world of the authorisation matrix: two regional operators A and B built the same way (each with
// its staff, experts, an applicant organisation and a record in every interesting state), a federal
// operator F with its staff, an admin and an applicant without an organisation. Every case of the matrix
// is run once against A's records and once against B's, so both directions are checked by one table.
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '@konkurs/shared';
import { applications, assignments, attachments, awards, reviews } from '../../src/db/schema/index.js';
import {
  completeDraft, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type CompetitionRow, type TestUser,
} from '../fixtures.js';
import type { TestApp } from '../helper.js';
import { recordAudit } from '../../src/services/audit-log.js';
import { createReportSchedules } from '../../src/services/reports.js';
import { reportAttachments as reportAttachmentRows, reports as reportRows } from '../../src/db/schema/index.js';

/** The people of one side, named by what they are to that side's records. */
export const SIDE_ACTORS = ['owner', 'member', 'organiser', 'official', 'expert', 'expert2'] as const;
export type SideActor = (typeof SIDE_ACTORS)[number];
/** Everyone else: no side of their own. */
export const LONE_ACTORS = ['anon', 'admin', 'lone', 'fedOfficial', 'fedOrganiser'] as const;
export type LoneActor = (typeof LONE_ACTORS)[number];

/**
 * An actor as a case sees it: one of the side whose records are probed (`owner`, `organiser`…), one of the
 * other side (`other.owner`…), or someone of no side.
 */
export type Rel = SideActor | `other.${SideActor}` | LoneActor;
export const RELS: readonly Rel[] = [...LONE_ACTORS, ...SIDE_ACTORS, ...SIDE_ACTORS.map((a) => `other.${a}` as const)];

export interface Actor { rel: Rel; role: Role | null; user: TestUser | null }

export interface Side {
  name: 'A' | 'B';
  operatorId: string;
  users: Record<SideActor, TestUser>;
  organizationId: string;
  /** The organisation's registration numbers (to try registering it again). */
  identity: { inn: string; ogrn: string; kpp: string };
  competitions: Record<'draft' | 'open' | 'review' | 'published', CompetitionRow>;
  applications: {
    /** A draft in the open competition: its organisation's members only. */
    draft: string;
    /** Withdrawn before it was ever submitted: as private as a draft. */
    withdrawnDraft: string;
    submitted: string;
    /** In review: assigned to `expert` (a draft review) and `expert2` (a submitted review). */
    underReview: string;
    /** The winner of the published competition, reviewed by both experts. */
    winner: string;
  };
  numbers: Record<keyof Side['applications'], string>;
  assignments: { expert: string; expert2: string; winnerExpert: string; winnerExpert2: string };
  attachments: { draft: string; submitted: string; underReview: string };
  /** The winner's reports, written by createReportSchedules (due, in the published competition): the interim one and the final one. */
  reports: { first: string; final: string };
  /** A supporting document of the first report (report documents' part). */
  reportAttachment: string;
}

export interface World {
  A: Side;
  B: Side;
  fedOperatorId: string;
  lone: Record<Exclude<LoneActor, 'anon'>, TestUser>;
  /** The other side. */
  other(s: Side): Side;
  /** The user behind a relative actor when side `s` is probed (null: anonymous). */
  actor(s: Side, rel: Rel): Actor;
}

/** A real PDF head: the upload route sniffs types, and downloads serve these bytes back. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function storeAttachment(t: TestApp, applicationId: string, createdBy: string) {
  const stored = await t.app.storage.put(Readable.from([PDF_BYTES]));
  const [row] = await t.db.insert(attachments).values({
    applicationId, kind: 'charter', fileName: 'charter.pdf', mimeType: 'application/pdf', sizeBytes: stored.sizeBytes,
    sha256: createHash('sha256').update(PDF_BYTES).digest('hex'), storageKey: stored.key, createdBy,
  }).returning();
  return row.id;
}

async function storeReportAttachment(t: TestApp, reportId: string, createdBy: string) {
  const stored = await t.app.storage.put(Readable.from([PDF_BYTES]));
  const [row] = await t.db.insert(reportAttachmentRows).values({
    reportId, fileName: 'act.pdf', mimeType: 'application/pdf', sizeBytes: stored.sizeBytes,
    sha256: createHash('sha256').update(PDF_BYTES).digest('hex'), storageKey: stored.key, createdBy,
  }).returning();
  return row.id;
}

async function review(t: TestApp, comp: CompetitionRow, applicationId: string, expertId: string, submitted: boolean) {
  const [a] = await t.db.insert(assignments).values({
    competitionId: comp.id, applicationId, expertId, status: submitted ? 'submitted' : 'assigned',
  }).returning();
  await t.db.insert(reviews).values({
    assignmentId: a.id, applicationId, expertId, status: submitted ? 'submitted' : 'draft', total: submitted ? 70 : null,
    comment: 'Проект проработан', scores: [{ criterionCode: 'K1', score: 7, comment: 'ok' }],
    ...(submitted ? { submittedAt: new Date(t.clock.now().getTime() - 60_000) } : {}),
  });
  return a.id;
}

async function buildSide(t: TestApp, name: 'A' | 'B', region: string): Promise<Side> {
  const op = await makeOperator(t, 'regional', region);
  const owner = await makeUser(t, 'applicant');
  const member = await makeUser(t, 'applicant');
  const directions = ['social_services', 'youth', 'culture'];
  const users: Record<SideActor, TestUser> = {
    owner, member,
    organiser: await makeUser(t, 'organiser', { operatorId: op.id }),
    official: await makeUser(t, 'official', { operatorId: op.id }),
    expert: await makeUser(t, 'expert', { operatorId: op.id, expertDirections: directions }),
    expert2: await makeUser(t, 'expert', { operatorId: op.id, expertDirections: directions }),
  };
  const org = await makeOrganization(t, owner.id, region, [member.id]);
  const pool = [users.expert.id, users.expert2.id];
  // Codes no other code contains, so that an application number found in a CSV is this one's.
  const competitions = {
    draft: await makeCompetition(t, op.id, { code: `MX${name}DRAFT`, status: 'draft' }),
    open: await makeCompetition(t, op.id, { code: `MX${name}OPEN`, experts: [users.expert.id] }),
    review: await makeCompetition(t, op.id, { code: `MX${name}REVIEW`, status: 'review', experts: pool }),
    published: await makeCompetition(t, op.id, { code: `MX${name}PUBLISHED`, status: 'published', experts: pool, publishedAt: t.clock.now() }),
  };
  const draft = await makeApplication(t, competitions.open, org.id, owner.id);
  const withdrawnDraft = await makeApplication(t, competitions.open, org.id, owner.id);
  await t.db.update(applications).set({ status: 'withdrawn' }).where(eq(applications.id, withdrawnDraft.id));
  const submitted = await makeApplication(t, competitions.open, org.id, owner.id, { status: 'submitted' });
  const underReview = await makeApplication(t, competitions.review, org.id, owner.id, { status: 'under_review', content: completeDraft(competitions.review) });
  const winner = await makeApplication(t, competitions.published, org.id, owner.id, { status: 'winner', content: completeDraft(competitions.published) });
  await t.db.update(applications).set({ finalScore: 70, awardedKopecks: winner.requestedKopecks }).where(eq(applications.id, winner.id));
  await t.db.insert(awards).values({ competitionId: competitions.published.id, applicationId: winner.id, rank: 1, amountKopecks: winner.requestedKopecks, createdBy: users.organiser.id });
  // One audit event of this operator, naming its competition in review: what its organiser's audit shows.
  await t.db.transaction((tx) => recordAudit(tx, { actorId: users.organiser.id, action: 'competition.updated', entityType: 'competition',
    entityId: competitions.review.id, operatorId: op.id, after: { note: 'matrix' }, at: t.clock.now() }));

  // The winner's report schedule, as the publication writes it (the midpoint's interim report, then the final one).
  await t.db.transaction((tx) => createReportSchedules(tx, competitions.published, t.clock.now()));
  const schedule = await t.db.select({ id: reportRows.id }).from(reportRows).where(eq(reportRows.applicationId, winner.id)).orderBy(reportRows.seq);

  return {
    name, operatorId: op.id, users, organizationId: org.id, identity: { inn: org.inn, ogrn: org.ogrn, kpp: org.kpp }, competitions,
    applications: { draft: draft.id, withdrawnDraft: withdrawnDraft.id, submitted: submitted.id, underReview: underReview.id, winner: winner.id },
    numbers: { draft: draft.number, withdrawnDraft: withdrawnDraft.number, submitted: submitted.number, underReview: underReview.number, winner: winner.number },
    assignments: {
      expert: await review(t, competitions.review, underReview.id, users.expert.id, false),
      expert2: await review(t, competitions.review, underReview.id, users.expert2.id, true),
      winnerExpert: await review(t, competitions.published, winner.id, users.expert.id, true),
      winnerExpert2: await review(t, competitions.published, winner.id, users.expert2.id, true),
    },
    attachments: {
      draft: await storeAttachment(t, draft.id, owner.id),
      submitted: await storeAttachment(t, submitted.id, owner.id),
      underReview: await storeAttachment(t, underReview.id, owner.id),
    },
    reports: { first: schedule[0]!.id, final: schedule.at(-1)!.id },
    reportAttachment: await storeReportAttachment(t, schedule[0]!.id, owner.id),
  };
}

export async function buildWorld(t: TestApp): Promise<World> {
  const A = await buildSide(t, 'A', '40');
  const B = await buildSide(t, 'B', '62');
  const fed = await makeOperator(t, 'federal');
  const lone = {
    admin: await makeUser(t, 'admin'),
    lone: await makeUser(t, 'applicant'),
    fedOfficial: await makeUser(t, 'official', { operatorId: fed.id }),
    fedOrganiser: await makeUser(t, 'organiser', { operatorId: fed.id }),
  };
  const other = (s: Side) => (s === A ? B : A);
  return {
    A, B, fedOperatorId: fed.id, lone, other,
    actor(s, rel) {
      if (rel === 'anon') return { rel, role: null, user: null };
      if (rel in lone) {
        const user = lone[rel as keyof typeof lone];
        return { rel, role: user.role, user };
      }
      const [side, name] = rel.startsWith('other.') ? [other(s), rel.slice(6) as SideActor] : [s, rel as SideActor];
      const user = side.users[name];
      return { rel, role: user.role, user };
    },
  };
}
