// Organisations and their members. A user sees an organisation they belong to; staff also see the
// organisation behind an application they may read. Anything else is "not found".
import { and, asc, eq, exists, sql } from 'drizzle-orm';
import type { CreateOrganizationBody, Organization } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { applications, organizationMembers, organizations, users } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { conflict, forbidden, notFound } from '../domain/errors.js';
import { applicationScope } from './scope.js';

export type OrganizationRow = typeof organizations.$inferSelect;
export type MemberRole = 'owner' | 'member';

export function toOrganization(o: OrganizationRow, myRole: MemberRole | null): Organization {
  return {
    id: o.id, inn: o.inn, ogrn: o.ogrn, kpp: o.kpp, fullName: o.fullName, shortName: o.shortName, regionCode: o.regionCode,
    address: o.address, email: o.email, phone: o.phone, website: o.website, myRole, createdAt: o.createdAt.toISOString(),
  };
}

/** Registers the organisation with the user as its owner. One ИНН is registered once. */
export async function createOrganization(tx: Tx, ownerId: string, input: CreateOrganizationBody): Promise<OrganizationRow> {
  const [row] = await tx.insert(organizations).values({ ...input, createdBy: ownerId }).onConflictDoNothing({ target: organizations.inn }).returning();
  if (!row) throw conflict('inn-taken', {}, [{ path: 'inn', code: 'inn-taken' }]);
  await tx.insert(organizationMembers).values({ organizationId: row.id, userId: ownerId, role: 'owner' });
  return row;
}

/** The organisations the user belongs to, with their role in each. */
export async function organizationsOfUser(db: Executor, userId: string) {
  return db.select({ org: organizations, role: organizationMembers.role }).from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(eq(organizationMembers.userId, userId))
    .orderBy(asc(organizations.shortName), asc(organizations.id));
}

/** The organisation as the user may see it (a member, or staff reading one of its applications); 404 otherwise. */
export async function visibleOrganization(db: Executor, user: AuthUser, id: string): Promise<{ org: OrganizationRow; role: MemberRole | null }> {
  const [mine] = await db.select({ org: organizations, role: organizationMembers.role }).from(organizations)
    .innerJoin(organizationMembers, and(eq(organizationMembers.organizationId, organizations.id), eq(organizationMembers.userId, user.id)))
    .where(eq(organizations.id, id));
  if (mine) return mine;
  if (user.role === 'organiser' || user.role === 'official' || user.role === 'admin') {
    const scope = await applicationScope(db, user);
    const [org] = await db.select().from(organizations).where(and(eq(organizations.id, id),
      exists(db.select({ one: sql`1` }).from(applications).where(and(eq(applications.organizationId, organizations.id), scope)))));
    if (org) return { org, role: null };
  }
  throw notFound('organization');
}

/** The organisation if the user is a member of it (what an application of it needs), or undefined. */
export async function memberOrganization(db: Executor, userId: string, id: string) {
  const [org] = await db.select({ id: organizations.id, regionCode: organizations.regionCode, shortName: organizations.shortName }).from(organizations)
    .innerJoin(organizationMembers, and(eq(organizationMembers.organizationId, organizations.id), eq(organizationMembers.userId, userId)))
    .where(eq(organizations.id, id));
  return org;
}

/** The organisation if the user owns it, locked for the change; 404 for one they do not belong to, 403 for a plain member. */
export async function ownedOrganization(tx: Tx, userId: string, id: string): Promise<OrganizationRow> {
  const [row] = await tx.select({ org: organizations, role: organizationMembers.role }).from(organizations)
    .innerJoin(organizationMembers, and(eq(organizationMembers.organizationId, organizations.id), eq(organizationMembers.userId, userId)))
    .where(eq(organizations.id, id))
    .for('no key update', { of: organizations });
  if (!row) throw notFound('organization');
  // A plain member knows the organisation exists, so a 403 leaks nothing.
  if (row.role !== 'owner') throw forbidden('owner-only');
  return row.org;
}

export async function updateOrganization(tx: Tx, id: string, changes: Partial<CreateOrganizationBody>): Promise<OrganizationRow> {
  const [row] = await tx.update(organizations).set(changes).where(eq(organizations.id, id)).returning();
  return row;
}

export async function listMembers(db: Executor, organizationId: string) {
  return db.select({ userId: users.id, email: users.email, fullName: users.fullName, role: organizationMembers.role })
    .from(organizationMembers).innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, organizationId))
    .orderBy(asc(organizationMembers.createdAt), asc(users.email));
}

/** Adds an active applicant user as a member; nothing (undefined) for any other e-mail, which the caller must not tell. */
export async function addMember(tx: Tx, organizationId: string, email: string) {
  const [u] = await tx.select({ id: users.id, email: users.email, fullName: users.fullName, role: users.role, active: users.active })
    .from(users).where(eq(users.email, email.toLowerCase()));
  if (!u || u.role !== 'applicant' || !u.active) return undefined;
  const [row] = await tx.insert(organizationMembers).values({ organizationId, userId: u.id, role: 'member' }).onConflictDoNothing().returning();
  if (!row) throw conflict('already-member', {}, [{ path: 'email', code: 'already-member' }]);
  return { userId: u.id, email: u.email, fullName: u.fullName, role: row.role };
}
