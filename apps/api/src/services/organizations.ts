// What applicants do with their organisations: register one (becoming its owner), change its details, add
// members; and the reads of members and of staff who read its applications.
import type { CreateOrganizationBody, MemberAdded, Organization, OrganizationList, MemberList } from '@konkurs/shared';
import type { Db } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import {
  addMember as insertMember, createOrganization as insertOrganization, listMembers, organizationsOfUser, ownedOrganization, toOrganization,
  updateOrganization as writeOrganization, visibleOrganization,
} from '../queries/organizations.js';
import { recordAudit } from './audit-log.js';

export async function createOrganization(db: Db, actor: AuthUser, body: CreateOrganizationBody, now: Date): Promise<Organization> {
  const row = await db.transaction(async (tx) => {
    const org = await insertOrganization(tx, actor.id, body);
    await recordAudit(tx, { actorId: actor.id, action: 'organization.created', entityType: 'organization', entityId: org.id, after: body, at: now });
    return org;
  });
  return toOrganization(row, 'owner');
}

/** The owner changes details (the ИНН and ОГРН stay); audited with what each changed field was. */
export async function updateOrganization(db: Db, actor: AuthUser, id: string, changes: Partial<CreateOrganizationBody>, now: Date): Promise<Organization> {
  const row = await db.transaction(async (tx) => {
    const before = await ownedOrganization(tx, actor.id, id);
    const changed = Object.keys(changes) as (keyof typeof changes)[];
    if (changed.length === 0) return before;
    const after = await writeOrganization(tx, before.id, changes);
    await recordAudit(tx, { actorId: actor.id, action: 'organization.updated', entityType: 'organization', entityId: before.id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: changes, at: now });
    return after;
  });
  return toOrganization(row, 'owner');
}

/**
 * The owner adds a registered applicant as a member. The answer is the same for an e-mail that is no applicant's:
 * an owner must not learn who has an account here (finding 11); the e-mail already a member, seen in the list, is a 409.
 */
export async function addMember(db: Db, actor: AuthUser, id: string, email: string, now: Date): Promise<MemberAdded> {
  return db.transaction(async (tx) => {
    const org = await ownedOrganization(tx, actor.id, id);
    const m = await insertMember(tx, org.id, email);
    if (m) await recordAudit(tx, { actorId: actor.id, action: 'organization.member_added', entityType: 'organization', entityId: org.id,
      after: { userId: m.userId, email: m.email, role: m.role }, at: now });
    return { organizationId: org.id, email: email.toLowerCase() };
  });
}

/** The user's organisations, all at once (a user belongs to a handful). */
export async function myOrganizations(db: Db, actor: AuthUser): Promise<OrganizationList> {
  const rows = await organizationsOfUser(db, actor.id);
  return { items: rows.map((r) => toOrganization(r.org, r.role)), nextCursor: null };
}

export async function readOrganization(db: Db, actor: AuthUser, id: string): Promise<Organization> {
  const { org, role } = await visibleOrganization(db, actor, id);
  return toOrganization(org, role);
}

export async function organizationMembers(db: Db, actor: AuthUser, id: string): Promise<MemberList> {
  const { org } = await visibleOrganization(db, actor, id);
  return { items: await listMembers(db, org.id), nextCursor: null };
}
