// A small world for the fuzzer: one of each role and a record in each interesting state, so that a
// generated request with a real id reaches the handlers instead of stopping at a 404.
import { eq } from 'drizzle-orm';
import type { Role } from '@konkurs/shared';
import { assignments, users } from '../../src/db/schema/index.js';
import { startSession } from '../../src/plugins/auth.js';
import { completeDraft, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type TestUser } from '../fixtures.js';
import type { TestApp } from '../helper.js';

export interface FuzzWorld {
  users: Record<Role, TestUser>;
  /** Real ids by the resource a path or a field names: `competitions` for /competitions/{id}, `competitionId` for a field. */
  ids: Record<string, string[]>;
  emails: string[];
  /** A fresh token for the role's user, reactivated if a fuzzed request switched it off. */
  refresh(role: Role): Promise<string>;
}

export async function buildFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const op = await makeOperator(t, 'regional', '40');
  const expert = await makeUser(t, 'expert', { operatorId: op.id, expertDirections: ['social_services', 'youth', 'culture'], regionCode: '77' });
  const u: Record<Role, TestUser> = {
    admin: await makeUser(t, 'admin'),
    organiser: await makeUser(t, 'organiser', { operatorId: op.id }),
    official: await makeUser(t, 'official', { operatorId: op.id }),
    applicant: await makeUser(t, 'applicant'),
    expert,
  };
  // Fuzzed admin requests may rename, demote or switch off this one, not the callers.
  const victim = await makeUser(t, 'applicant');
  const org = await makeOrganization(t, u.applicant.id, '40');
  const open = await makeCompetition(t, op.id, { experts: [expert.id] });
  const inReview = await makeCompetition(t, op.id, { status: 'review', experts: [expert.id] });
  const draft = await makeCompetition(t, op.id, { status: 'draft' });
  const app = await makeApplication(t, open, org.id, u.applicant.id);
  const submitted = await makeApplication(t, open, org.id, u.applicant.id, { status: 'submitted' });
  const underReview = await makeApplication(t, inReview, org.id, u.applicant.id, { status: 'under_review', content: completeDraft(inReview) });
  const [assignment] = await t.db.insert(assignments).values({ competitionId: inReview.id, applicationId: underReview.id, expertId: expert.id }).returning();

  const ids: Record<string, string[]> = {
    operators: [op.id], operatorId: [op.id],
    organizations: [org.id], organizationId: [org.id],
    competitions: [open.id, inReview.id, draft.id], competitionId: [open.id, inReview.id, draft.id],
    applications: [app.id, submitted.id, underReview.id], applicationId: [app.id, submitted.id, underReview.id],
    assignments: [assignment.id], assignmentId: [assignment.id],
    users: [victim.id, expert.id], userId: [victim.id, expert.id], expertId: [expert.id],
  };
  return {
    users: u,
    ids,
    emails: [victim.email, expert.email, u.applicant.email],
    async refresh(role) {
      await t.db.update(users).set({ active: true, role }).where(eq(users.id, u[role].id));
      u[role] = { ...u[role], token: await startSession(t.app, u[role].id) };
      return u[role].token;
    },
  };
}

