// What organisers do with competitions: create, change the settings the stage allows, and move them through
// their lifecycle (open, start the review, publish, archive); and the reads of everyone who may see them.
import {
  COMPETITION_MOVES, canMove, competitionSettingsIssues, type Competition, type CompetitionStatus, type CreateCompetitionBody, type UpdateCompetitionBody,
} from '@konkurs/shared';
import type { Db } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { fieldInvalid, forbidden, invalid, staleVersion } from '../domain/errors.js';
import { assertCanOpen, assertPatchAllowed, assertReviewCanStart } from '../domain/competition-rules.js';
import { cursorList, decodeCursor, pageOf } from '../lib/cursor.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import {
  competitionView, competitionViews, insertCompetition, listCompetitions, settingsOf, updateCompetition as writeCompetition, visibleCompetition,
  type CompetitionRow,
} from '../queries/competitions.js';
import { operatorExists } from '../queries/operators.js';
import { recordAudit } from './audit-log.js';
import { transitionCompetition } from './transitions.js';
import { tellResults } from './notices.js';
import { createReportSchedules } from './reports.js';

/** An organiser creates competitions of its own operator, the admin of any; a draft, with the default criteria unless given. */
export async function createCompetition(db: Db, actor: AuthUser, body: CreateCompetitionBody, now: Date): Promise<Competition> {
  if (actor.role !== 'admin' && body.operatorId !== actor.operatorId) throw forbidden('own-operator-competitions');
  const created = await db.transaction(async (tx) => {
    if (!(await operatorExists(tx, body.operatorId))) throw fieldInvalid('operatorId', 'unknown-operator');
    const row = await insertCompetition(tx, actor.id, body);
    await recordAudit(tx, { actorId: actor.id, action: 'competition.created', entityType: 'competition', entityId: row.id, operatorId: row.operatorId,
      after: body, at: now });
    return row;
  });
  return competitionView(db, created);
}

/**
 * Changes the settings the competition's stage allows, from the version the organiser had. The patch alone passed
 * the schema; the settings it leaves in place must still agree with it.
 */
export async function updateCompetition(db: Db, actor: AuthUser, id: string, body: UpdateCompetitionBody, now: Date): Promise<Competition> {
  const { version, ...patch } = body;
  const updated = await db.transaction(async (tx) => {
    const current = await competitionOfOrganiser(tx, actor, id, { lock: true });
    if (current.version !== version) throw staleVersion(current.version);
    assertPatchAllowed(current, patch, now);
    const issues = competitionSettingsIssues({ ...settingsOf(current), ...patch });
    if (issues.length) throw invalid(issues);
    const row = await writeCompetition(tx, current, patch, now);
    const changed = Object.keys(patch) as (keyof typeof patch)[];
    await recordAudit(tx, { actorId: actor.id, action: 'competition.updated', entityType: 'competition', entityId: row.id, operatorId: row.operatorId,
      before: Object.fromEntries(changed.filter((k) => k in current).map((k) => [k, current[k as keyof CompetitionRow]])), after: patch, at: now });
    return row;
  });
  return competitionView(db, updated);
}

/**
 * A lifecycle move an organiser makes by name. From the wrong status the transition's own 409 says so; from the
 * right one, the move may still be early (`check`).
 */
async function moveCompetition(db: Db, actor: AuthUser, id: string, to: CompetitionStatus, now: Date,
  options: { check?: (c: CompetitionRow, now: Date) => void; set?: Partial<CompetitionRow> } = {}): Promise<Competition> {
  const moved = await db.transaction(async (tx) => {
    const current = await competitionOfOrganiser(tx, actor, id, { lock: true });
    const movable = canMove(COMPETITION_MOVES, current.status, to, actor.role);
    if (movable) options.check?.(current, now);
    // Published results are told before the move, whose audit event holds the chain's lock until COMMIT (a refused
    // move rolls the notices back with it).
    if (movable && to === 'published') {
      await tellResults(tx, current, now);
      // Each winner's report schedule (PRODUCT.md "After the award"), in the publishing transaction.
      await createReportSchedules(tx, current, now);
    }
    return transitionCompetition(tx, current, to, { id: actor.id, role: actor.role }, now, { set: { ...options.set, version: current.version + 1 } });
  });
  return competitionView(db, moved);
}

/** Starts accepting applications (until closesAt, which must still be ahead). */
export const openCompetition = (db: Db, actor: AuthUser, id: string, now: Date) => moveCompetition(db, actor, id, 'open', now, { check: assertCanOpen });
/** Ends the call and starts the review: once closesAt has passed, by the server's clock. */
export const startCompetitionReview = (db: Db, actor: AuthUser, id: string, now: Date) =>
  moveCompetition(db, actor, id, 'review', now, { check: assertReviewCanStart });
/** Makes the decided results public. */
export const publishCompetition = (db: Db, actor: AuthUser, id: string, now: Date) => moveCompetition(db, actor, id, 'published', now, { set: { publishedAt: now } });
export const archiveCompetition = (db: Db, actor: AuthUser, id: string, now: Date) => moveCompetition(db, actor, id, 'archived', now);

export async function readCompetition(db: Db, viewer: AuthUser | null, id: string): Promise<Competition> {
  return competitionView(db, await visibleCompetition(db, viewer, id));
}

/** A page of the competitions the viewer (or the public) may see, newest first. */
export async function competitionPage(db: Db, viewer: AuthUser | null,
  query: { status?: CompetitionStatus; operatorId?: string; limit: number; cursor?: string }, secret: string) {
  const { status, operatorId, limit, cursor } = query;
  const list = cursorList('competitions', { status, operatorId }, secret);
  const afterId = cursor ? String(decodeCursor(cursor, list, 1)[0]) : undefined;
  const rows = await listCompetitions(db, viewer, { status, operatorId, afterId }, limit);
  const { items, nextCursor } = pageOf(rows, limit, list, (r) => [r.c.id], (r) => r);
  return { items: await competitionViews(db, items), nextCursor };
}
