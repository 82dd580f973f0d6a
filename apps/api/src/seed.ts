// The first admin (ADMIN_EMAIL/ADMIN_PASSWORD) and, on an empty database, demo data so that a newcomer
// can sign in as every role at once.
import { asc, sql } from 'drizzle-orm';
import { innCheckDigit, ogrnCheckDigit, type Role } from '@konkurs/shared';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import { competitionExperts, competitions, criteria, defaultCriteria, operators, organizationMembers, organizations } from './db/schema/index.js';
import { findUserByEmail } from './queries/users.js';
import { recordAudit } from './services/audit-log.js';
import { addUser } from './services/users.js';

export interface Login { role: Role; email: string; password: string }

export const DEMO_PASSWORD = 'Konkurs-demo-2026';

export async function ensureAdmin(db: Db, config: Config): Promise<Login[]> {
  if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD) return [];
  if (await findUserByEmail(db, config.ADMIN_EMAIL)) return [];
  await db.transaction(async (tx) => {
    const u = await addUser(tx, { email: config.ADMIN_EMAIL!, password: config.ADMIN_PASSWORD!, fullName: 'Администратор', role: 'admin' });
    await recordAudit(tx, { actorId: null, action: 'user.created', entityType: 'user', entityId: u.id, after: { email: u.email, role: 'admin' }, at: new Date() });
  });
  return [{ role: 'admin', email: config.ADMIN_EMAIL, password: '(ADMIN_PASSWORD)' }];
}

export async function seedDemo(db: Db): Promise<Login[]> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(operators);
  if (n > 0) return [];
  const logins: Login[] = [];
  await db.transaction(async (tx) => {
    const now = new Date();
    const [fund] = await tx.insert(operators).values({ name: 'Фонд президентских грантов (демо)', level: 'federal' }).returning();
    const [region] = await tx.insert(operators).values({ name: 'Министерство внутренней политики Калужской области', level: 'regional', regionCode: '40' }).returning();
    const make = async (role: Role, email: string, fullName: string, extra: { operatorId?: string; expertDirections?: string[]; regionCode?: string } = {}) => {
      const u = await addUser(tx, { email, password: DEMO_PASSWORD, fullName, role, ...extra });
      logins.push({ role, email, password: DEMO_PASSWORD });
      return u;
    };
    await make('admin', 'admin@konkurs.demo', 'Администратор платформы');
    const organiser = await make('organiser', 'organiser@konkurs.demo', 'Ольга Организаторова', { operatorId: region.id });
    await make('official', 'official@konkurs.demo', 'Игорь Чиновников', { operatorId: region.id });
    await make('official', 'federal.official@konkurs.demo', 'Мария Федеральная', { operatorId: fund.id });
    const experts = [
      await make('expert', 'expert1@konkurs.demo', 'Эксперт Первый', { operatorId: region.id, expertDirections: ['social_services', 'youth'], regionCode: '40' }),
      await make('expert', 'expert2@konkurs.demo', 'Эксперт Второй', { operatorId: region.id, expertDirections: ['youth', 'culture'], regionCode: '40' }),
      await make('expert', 'expert3@konkurs.demo', 'Эксперт Третий', { operatorId: region.id, expertDirections: ['social_services', 'culture', 'family'], regionCode: '77' }),
    ];
    const applicant = await make('applicant', 'applicant@konkurs.demo', 'Анна Заявителева');
    const nine = '402' + '7001234'.slice(0, 6);
    const twelve = '1224000' + '12345';
    const [org] = await tx.insert(organizations).values({
      inn: nine + innCheckDigit(nine), ogrn: twelve + ogrnCheckDigit(twelve), kpp: '402701001',
      fullName: 'Автономная некоммерческая организация «Добрые соседи»', shortName: 'АНО «Добрые соседи»', regionCode: '40',
      address: 'г. Калуга, ул. Ленина, д. 1', email: 'info@dobrye-sosedi.demo', createdBy: applicant.id,
    }).returning();
    await tx.insert(organizationMembers).values({ organizationId: org.id, userId: applicant.id, role: 'owner' });

    const [comp] = await tx.insert(competitions).values({
      operatorId: region.id, code: 'KLG-2027', title: 'Губернаторский конкурс грантов для НКО Калужской области 2027',
      description: 'Поддержка социально ориентированных некоммерческих организаций Калужской области.',
      status: 'open', directionCodes: ['social_services', 'family', 'youth', 'culture'], regionCodes: ['40'],
      opensAt: new Date(now.getTime() - 86_400_000), closesAt: new Date(now.getTime() + 30 * 86_400_000),
      budgetKopecks: 1_000_000_000, minGrantKopecks: 10_000_000, maxGrantKopecks: 300_000_000, maxProjectMonths: 12,
      minCofinancingPercent: 10, reviewersPerApplication: 2, divergenceThreshold: 30, passMark: 60, oneWinPerOrganization: true,
      maxApplicationsPerOrganization: 2, requiredAttachmentKinds: [], createdBy: organiser.id,
    }).returning();
    const defaults = await tx.select().from(defaultCriteria).orderBy(asc(defaultCriteria.position));
    await tx.insert(criteria).values(defaults.map((c, i) => ({ competitionId: comp.id, code: c.code, title: c.title, description: c.description,
      weight: c.weight, maxScore: c.maxScore, commentRequired: c.commentRequired, position: i + 1 })));
    await tx.insert(competitionExperts).values(experts.map((e) => ({ competitionId: comp.id, expertId: e.id })));
    await recordAudit(tx, { actorId: null, action: 'demo.seeded', entityType: 'competition', entityId: comp.id, operatorId: region.id,
      after: { competition: comp.code, organization: org.inn }, at: now });
  });
  return logins;
}

