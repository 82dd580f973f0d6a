// Builders of domain data straight in the database, for tests that need a given state quickly.
// Tokens come from real sessions, so requests go through the real auth.
import { asc, eq, sql } from 'drizzle-orm';
import { CONSENT_VERSION, innCheckDigit, ogrnCheckDigit, type ApplicationStatus, type CompetitionStatus, type DraftFields, type OperatorLevel, type Role } from '@konkurs/shared';
import {
  applications, competitionExperts, competitions, criteria, defaultCriteria, operators, organizationMembers, organizations, users,
} from '../src/db/schema/index.js';
import { startSession } from '../src/plugins/auth.js';
import { hashPassword } from '../src/lib/passwords.js';
import { applicationNumber, derivedColumns } from '../src/domain/application-content.js';
import type { TestApp } from './helper.js';

export const PASSWORD = 'Test-pass-2026!';
let passwordHash: Promise<string> | undefined;
let counter = 0;
const next = () => ++counter + Math.floor(Math.random() * 1e6) * 1000;

export interface TestUser { id: string; email: string; role: Role; token: string; operatorId: string | null }

export async function makeOperator(t: TestApp, level: OperatorLevel = 'regional', regionCode: string | null = '40') {
  const [op] = await t.db.insert(operators).values({ name: `Оператор ${next()}`, level, regionCode: level === 'federal' ? null : regionCode }).returning();
  return op;
}

export async function makeUser(t: TestApp, role: Role, extra: { operatorId?: string | null; expertDirections?: string[]; regionCode?: string; email?: string } = {}): Promise<TestUser> {
  passwordHash ??= hashPassword(PASSWORD);
  const email = extra.email ?? `${role}-${next()}@test.example`;
  const [u] = await t.db.insert(users).values({
    email, passwordHash: await passwordHash, fullName: `${role} ${email}`, role, operatorId: extra.operatorId ?? null,
    expertDirections: extra.expertDirections ?? [], regionCode: extra.regionCode ?? null,
    // Confirmed, and applicants with the consent in force: the state a user is in once past sign-up.
    emailVerifiedAt: t.clock.now(), ...(role === 'applicant' ? { consentVersion: CONSENT_VERSION, consentAt: t.clock.now() } : {}),
  }).returning();
  return { id: u.id, email, role, token: await startSession(t.app, u.id), operatorId: u.operatorId };
}

/** A valid organisation (checksums right) registered in the region, owned by the user. */
export function orgIdentity(i: number, region = '40') {
  const nine = (region + String(1_000_000 + (i % 9_000_000)).slice(-7)).slice(0, 9);
  const twelve = '1' + '22' + region + String(1_000_000 + (i % 9_000_000)).slice(-7);
  return { inn: nine + innCheckDigit(nine), ogrn: twelve + ogrnCheckDigit(twelve), kpp: region + '0101001' };
}

export async function makeOrganization(t: TestApp, ownerId: string, regionCode = '40', members: string[] = []) {
  const i = next();
  const [org] = await t.db.insert(organizations).values({
    ...orgIdentity(i, regionCode), fullName: `АНО «Инициатива ${i}»`, shortName: `Инициатива ${i}`, regionCode, createdBy: ownerId,
  }).returning();
  await t.db.insert(organizationMembers).values([{ organizationId: org.id, userId: ownerId, role: 'owner' as const },
    ...members.map((userId) => ({ organizationId: org.id, userId, role: 'member' as const }))]);
  return org;
}

export type CompetitionRow = typeof competitions.$inferSelect;

export async function makeCompetition(t: TestApp, operatorId: string, overrides: Partial<typeof competitions.$inferInsert> & {
  criteria?: { code: string; title?: string; weight: number; maxScore: number; commentRequired?: boolean }[];
  experts?: string[];
} = {}): Promise<CompetitionRow> {
  const now = t.clock.now().getTime();
  const { criteria: crit, experts, ...rest } = overrides;
  const [comp] = await t.db.insert(competitions).values({
    operatorId, code: `T${next()}`, title: 'Тестовый конкурс', description: '', status: 'open' as CompetitionStatus,
    directionCodes: ['social_services', 'youth', 'culture'], regionCodes: [], opensAt: new Date(now - 86_400_000), closesAt: new Date(now + 7 * 86_400_000),
    budgetKopecks: 100_000_000, minGrantKopecks: 1_000_000, maxGrantKopecks: 50_000_000, maxProjectMonths: 12, minCofinancingPercent: 10,
    reviewersPerApplication: 2, divergenceThreshold: 30, passMark: 60, oneWinPerOrganization: true, maxApplicationsPerOrganization: 3,
    requiredAttachmentKinds: [], ...rest,
  }).returning();
  const defs = crit ?? (await t.db.select().from(defaultCriteria).orderBy(asc(defaultCriteria.position)));
  await t.db.insert(criteria).values(defs.map((c, i) => ({
    competitionId: comp.id, code: c.code, title: c.title ?? c.code, description: '', weight: c.weight, maxScore: c.maxScore,
    commentRequired: c.commentRequired ?? false, position: i + 1,
  })));
  if (experts?.length) await t.db.insert(competitionExperts).values(experts.map((expertId) => ({ competitionId: comp.id, expertId })));
  return comp;
}

/** A complete draft that passes every submit rule of a competition made by makeCompetition. */
export function completeDraft(comp: Pick<CompetitionRow, 'closesAt' | 'directionCodes'>, requestedKopecks = 10_000_000): DraftFields {
  const start = new Date(comp.closesAt.getTime() + 30 * 86_400_000);
  const end = new Date(start.getTime() + 150 * 86_400_000);
  const d = (x: Date) => x.toISOString().slice(0, 10);
  const cofinancing = Math.ceil(requestedKopecks / 4); // 20% of the total
  return {
    title: 'Школа волонтёров', directionCode: comp.directionCodes[0], summary: 'Краткое описание', relevance: 'Обоснование', goal: 'Цель',
    tasks: ['Обучить волонтёров'], targetGroups: ['молодёжь'], geographyRegionCodes: ['40'], startDate: d(start), endDate: d(end),
    team: [{ fullName: 'Петров Пётр', role: 'Руководитель', experience: '5 лет' }],
    calendarPlan: [{ taskIndex: 0, title: 'Обучение', startDate: d(start), endDate: d(end), expectedResult: '30 волонтёров' }],
    budget: [{ category: 'events', item: 'Тренинги', quantity: 1, unitCostKopecks: requestedKopecks + cofinancing, cofinancingKopecks: cofinancing }],
  };
}

export async function makeApplication(t: TestApp, comp: CompetitionRow, organizationId: string, createdBy: string,
  options: { status?: ApplicationStatus; content?: DraftFields; submittedAt?: Date; regionCode?: string } = {}) {
  const content = options.content ?? completeDraft(comp);
  const [{ seq }] = await t.db.update(competitions).set({ applicationSeq: sql`${competitions.applicationSeq} + 1` })
    .where(eq(competitions.id, comp.id)).returning({ seq: competitions.applicationSeq });
  const status = options.status ?? 'draft';
  const [org] = await t.db.select({ regionCode: organizations.regionCode }).from(organizations).where(eq(organizations.id, organizationId));
  const [row] = await t.db.insert(applications).values({
    competitionId: comp.id, organizationId, number: applicationNumber(comp.code, seq), status, content, ...derivedColumns(content),
    regionCode: options.regionCode ?? org.regionCode, createdBy,
    submittedAt: status === 'draft' ? null : (options.submittedAt ?? new Date(t.clock.now().getTime() - 3_600_000 + seq)),
  }).returning();
  return row;
}

/** Calls the API as a user: `const r = await call(t, token, 'POST', '/api/v1/...', body)`; `headers` such as Accept-Language. */
export async function call(t: TestApp, token: string | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown,
  headers: Record<string, string> = {}) {
  const res = await t.app.inject({
    method, url, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { payload: body as object } : {}),
  });
  let json: any;
  try { json = res.body ? JSON.parse(res.body) : undefined; } catch { json = res.body; }
  return { status: res.statusCode, json, headers: res.headers, body: res.body };
}

/**
 * An application that has been through review: the given final score (status `reviewed` unless told),
 * requesting the amount, submitted at the given instant. For ranking and award tests.
 */
export async function makeScoredApplication(t: TestApp, comp: CompetitionRow, organizationId: string, createdBy: string,
  options: { finalScore: number | null; requestedKopecks?: number; submittedAt?: Date; status?: ApplicationStatus; divergent?: boolean }) {
  const row = await makeApplication(t, comp, organizationId, createdBy, {
    status: options.status ?? 'reviewed', content: completeDraft(comp, options.requestedKopecks), submittedAt: options.submittedAt,
  });
  const [scored] = await t.db.update(applications).set({ finalScore: options.finalScore, divergent: options.divergent ?? false })
    .where(eq(applications.id, row.id)).returning();
  return scored;
}
