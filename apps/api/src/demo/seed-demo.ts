// The demo a newcomer finds on first start: every role signed in at once, and three competitions of the Kaluga
// ministry at the three stages worth seeing.
//   (a) KLG-2026, last year's, published: 40 applications from seven regions, reviewed (one divergent, with its
//       extra review), winners within the budget, the others not supported (below the pass mark, the one-win rule,
//       the budget), totals for the officials; the commission, and a year of reports in every state (demo/reports.ts).
//   (b) KLG-MOL-2027, in review: one application to screen, a divergent one waiting for its extra expert, and
//       pending assignments for every demo expert.
//   (c) KLG-2027, open: closes in 30 days.
// Everything after the accounts is done through the use cases of src/services, at past instants (`now` of each
// call), so the audit log, the numbers, the scores and the totals are the ones production would have. Operators
// and accounts are written directly (one password hash for all: argon2 costs ~0.1 s a hash), with fixed ids for the
// experts so that the automatic assignment, which breaks ties by expert id, gives the same demo every time.
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  CONSENT_VERSION, autoAssignBody, awardBody, createApplicationBody, createCompetitionBody, createOrganizationBody, reviewBody, updateApplicationBody, type Role,
} from '@konkurs/shared';
import type { Db } from '../db/client.js';
import { applications, assignments, criteria, operators, users } from '../db/schema/index.js';
import { localDay } from '../domain/submission-rules.js';
import { hashPassword } from '../lib/passwords.js';
import type { AuthUser } from '../plugins/auth.js';
import { createApplication, saveDraft, submitApplication, withdrawApplication } from '../services/applications.js';
import { autoAssignExperts } from '../services/assignments.js';
import { recordAudit } from '../services/audit-log.js';
import { confirmAwards, proposeAwards } from '../services/awards.js';
import { setCommission } from '../services/commission.js';
import { createCompetition, openCompetition, publishCompetition, startCompetitionReview } from '../services/competitions.js';
import { addExpertsToPool } from '../services/expert-pool.js';
import { createOrganization } from '../services/organizations.js';
import { saveReviewDraft, submitReview } from '../services/reviews.js';
import { screenApplication } from '../services/screening.js';
import { ORGANISATIONS, STREETS, organisationIdentity } from './organisations.js';
import { IN_REVIEW, LAST_YEAR, OPEN_NOW, PROJECT_DAYS, projectCard, projectDetails, scoresFor, type DemoProject } from './projects.js';
import { DEMO_COMMISSION, seedLastYearReports, setLastYearReportSchedule } from './reports.js';

export interface Login { role: Role; email: string; password: string }

export const DEMO_PASSWORD = 'Konkurs-demo-2026';
export const DEMO_CODES = { lastYear: 'KLG-2026', inReview: 'KLG-MOL-2027', open: 'KLG-2027' } as const;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** A fixed id for the n-th demo account: the solver's tie-break (the smaller expert id) then gives the same pairs. */
const demoId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The instant of hh:mm Moscow time (UTC+3 all year) on the Moscow day `days` away from `now`. */
function moscow(now: Date, days: number, hh: number, mm = 0): Date {
  const wall = new Date(now.getTime() + days * DAY + 3 * HOUR);
  return new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), hh - 3, mm));
}

type UserRow = typeof users.$inferSelect;
const asActor = (u: UserRow): AuthUser => ({ id: u.id, sessionId: 'demo-seed', email: u.email, fullName: u.fullName, role: u.role, operatorId: u.operatorId });

interface Placed { project: DemoProject; id: string; number: string }

/** On an empty database (no operator yet) only; `announce` is told when the loading starts (it takes a few seconds). */
export async function seedDemo(db: Db, now: Date = new Date(), announce?: () => void): Promise<Login[]> {
  const [existing] = await db.select({ id: operators.id }).from(operators).limit(1);
  if (existing) return [];
  announce?.();

  // Operators and accounts (reference data, written directly).
  const [fund] = await db.insert(operators).values({ name: 'Фонд президентских грантов (демо)', level: 'federal' }).returning();
  const [region] = await db.insert(operators).values({ name: 'Министерство внутренней политики Калужской области', level: 'regional', regionCode: '40' }).returning();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let n = 0;
  const logins: Login[] = [];
  const account = async (role: Role, email: string, fullName: string, extra: { operatorId?: string; expertDirections?: string[]; regionCode?: string } = {}, login = true) => {
    const [u] = await db.insert(users).values({
      id: demoId(++n), email, passwordHash, fullName, role, operatorId: extra.operatorId ?? null, expertDirections: extra.expertDirections ?? [], regionCode: extra.regionCode ?? null,
      // Past sign-up: confirmed, and applicants with the consent in force, so that a demo sign-in goes straight in.
      emailVerifiedAt: now, ...(role === 'applicant' ? { consentVersion: CONSENT_VERSION, consentAt: now } : {}),
    }).returning();
    if (login) logins.push({ role, email, password: DEMO_PASSWORD });
    return u;
  };
  await account('admin', 'admin@konkurs.demo', 'Администратор платформы');
  const organiser = asActor(await account('organiser', 'organiser@konkurs.demo', 'Ольга Организаторова', { operatorId: region.id }));
  await account('official', 'official@konkurs.demo', 'Игорь Чиновников', { operatorId: region.id });
  await account('official', 'federal.official@konkurs.demo', 'Мария Федеральная', { operatorId: fund.id });
  const experts = [
    await account('expert', 'expert1@konkurs.demo', 'Эксперт Первый', { operatorId: region.id, expertDirections: ['social_services', 'youth'], regionCode: '40' }),
    await account('expert', 'expert2@konkurs.demo', 'Эксперт Второй', { operatorId: region.id, expertDirections: ['youth', 'culture'], regionCode: '40' }),
    await account('expert', 'expert3@konkurs.demo', 'Эксперт Третий', { operatorId: region.id, expertDirections: ['social_services', 'culture', 'family'], regionCode: '77' }),
  ].map(asActor);
  const expertById = new Map(experts.map((e) => [e.id, e]));
  const applicant = await account('applicant', 'applicant@konkurs.demo', 'Анна Заявителева');

  // The organisations, registered by their owners a while before last year's call.
  const owners: AuthUser[] = [];
  const orgIds: string[] = [];
  for (const [i, o] of ORGANISATIONS.entries()) {
    const owner = i === 0 ? applicant : await account('applicant', `ngo-${String(i).padStart(2, '0')}@konkurs.demo`, o.head, {}, false);
    const actor = asActor(owner);
    const body = createOrganizationBody.parse({
      ...organisationIdentity(i, o.regionCode), fullName: o.fullName, shortName: o.shortName, regionCode: o.regionCode,
      address: `г. ${o.city}, ${STREETS[i % STREETS.length]}, д. ${3 + ((i * 7) % 40)}`, email: `info@ngo-${String(i).padStart(2, '0')}.demo`,
    });
    const org = await createOrganization(db, actor, body, new Date(now.getTime() - 430 * DAY + i * HOUR));
    owners.push(actor);
    orgIds.push(org.id);
  }

  const round = new Round(db, organiser, owners, orgIds, expertById);

  // (a) Last year's: the call a year ago, reviews over three weeks, decided and published a month after the close.
  const a = await round.create({
    code: DEMO_CODES.lastYear, title: 'Конкурс грантов для НКО Калужской области и соседних регионов 2026',
    description: 'Межрегиональный конкурс прошлого года: поддержка социальных, семейных, молодёжных, культурных, экологических и просветительских проектов НКО Калужской области и соседних регионов.',
    directionCodes: ['social_services', 'health', 'family', 'youth', 'culture', 'environment', 'historical_memory'],
    regionCodes: ['40', '32', '50', '57', '67', '71', '77'],
    opensAt: moscow(now, -395, 9), closesAt: moscow(now, -365, 18),
    budgetKopecks: 1_250_000_000, minGrantKopecks: 10_000_000, maxGrantKopecks: 150_000_000, maxProjectMonths: 12, minCofinancingPercent: 10,
    passMark: 60, maxApplicationsPerOrganization: 2,
  }, moscow(now, -400, 11), moscow(now, -396, 10));
  const aApps = await round.apply(a, LAST_YEAR, moscow(now, -394, 10).getTime(), 17 * HOUR, PROJECT_DAYS.lastYear);
  await round.screen(a, aApps, moscow(now, -364, 10).getTime(), moscow(now, -343, 18));
  await round.review(a, aApps, moscow(now, -361, 9).getTime(), { pendingPerExpert: 0 });
  const decidedAt = moscow(now, -335, 15);
  await proposeAwards(db, organiser, a.id, awardBody.parse({ mode: 'stop' }));
  await confirmAwards(db, organiser, a.id, awardBody.parse({ mode: 'stop' }), decidedAt);
  // The reports: two interim dates and the final one; published, each winner has them, written and reviewed since.
  await setLastYearReportSchedule(db, organiser, a.id, a.closingDay, moscow(now, -334, 10));
  await publishCompetition(db, organiser, a.id, moscow(now, -333, 12));
  const ownersById = new Map(orgIds.map((id, i) => [id, { actor: owners[i], org: ORGANISATIONS[i], index: i }]));
  await seedLastYearReports(db, organiser, ownersById, a.id, a.closingDay, now);

  // (b) This season's youth competition: closed two weeks ago, in review since.
  const b = await round.create({
    code: DEMO_CODES.inReview, title: 'Конкурс молодёжных и семейных инициатив Калужской области',
    description: 'Малые гранты на проекты для молодёжи и семей Калужской области.',
    directionCodes: ['youth', 'family'], regionCodes: ['40'],
    opensAt: moscow(now, -55, 9), closesAt: moscow(now, -14, 18),
    budgetKopecks: 300_000_000, minGrantKopecks: 5_000_000, maxGrantKopecks: 50_000_000, maxProjectMonths: 10, minCofinancingPercent: 10,
    passMark: 60, maxApplicationsPerOrganization: 1,
  }, moscow(now, -60, 11), moscow(now, -56, 10));
  const bApps = await round.apply(b, IN_REVIEW, moscow(now, -50, 10).getTime(), 3 * DAY);
  await round.screen(b, bApps, moscow(now, -13, 10).getTime(), moscow(now, 7, 18));
  await round.review(b, bApps, moscow(now, -10, 10).getTime(), { pendingPerExpert: 2 });

  // (c) The open call (as the demo always had it): accepting since yesterday 09:00, closes in 30 days at 18:00.
  const c = await round.create({
    code: DEMO_CODES.open, title: 'Губернаторский конкурс грантов для НКО Калужской области 2027',
    description: 'Поддержка социально ориентированных некоммерческих организаций Калужской области.',
    directionCodes: ['social_services', 'family', 'youth', 'culture'], regionCodes: ['40'],
    opensAt: moscow(now, -1, 9), closesAt: moscow(now, 30, 18),
    budgetKopecks: 1_000_000_000, minGrantKopecks: 10_000_000, maxGrantKopecks: 300_000_000, maxProjectMonths: 12, minCofinancingPercent: 10,
    passMark: 60, maxApplicationsPerOrganization: 2,
  }, new Date(now.getTime() - 3 * DAY), new Date(now.getTime() - 2 * DAY));
  // Yesterday 09:00 Moscow time is 15 to 39 hours ago: the applications come in after it.
  await round.apply(c, OPEN_NOW, now.getTime() - 12 * HOUR, 2 * HOUR);

  await db.transaction((tx) => recordAudit(tx, {
    actorId: null, action: 'demo.seeded', entityType: 'competition', entityId: c.id, operatorId: region.id,
    after: { competitions: Object.values(DEMO_CODES), organizations: ORGANISATIONS.length }, at: now,
  }));
  return logins;
}

type CompetitionSettings = Omit<z.input<typeof createCompetitionBody>, 'operatorId' | 'opensAt' | 'closesAt'> & { opensAt: Date; closesAt: Date };
interface Comp { id: string; code: string; closingDay: string; criteria: { code: string; maxScore: number }[] }

/** One organiser running competitions through the use cases, with the demo's applicants and experts. */
class Round {
  constructor(private db: Db, private organiser: AuthUser, private owners: AuthUser[], private orgIds: string[], private experts: Map<string, AuthUser>) {}

  /** Created as a draft (default criteria), its pool of the three demo experts and the ministry's commission, then opened. */
  async create(settings: CompetitionSettings, createdAt: Date, openedAt: Date): Promise<Comp> {
    const body = createCompetitionBody.parse({ ...settings, operatorId: this.organiser.operatorId, opensAt: settings.opensAt.toISOString(), closesAt: settings.closesAt.toISOString() });
    const comp = await createCompetition(this.db, this.organiser, body, createdAt);
    await addExpertsToPool(this.db, this.organiser, comp.id, [...this.experts.keys()], new Date(createdAt.getTime() + HOUR));
    await setCommission(this.db, this.organiser, comp.id, { members: DEMO_COMMISSION }, new Date(createdAt.getTime() + 2 * HOUR));
    await openCompetition(this.db, this.organiser, comp.id, openedAt);
    const crit = await this.db.select({ code: criteria.code, maxScore: criteria.maxScore }).from(criteria)
      .where(eq(criteria.competitionId, comp.id)).orderBy(asc(criteria.position));
    return { id: comp.id, code: comp.code, closingDay: localDay(settings.closesAt, 'Europe/Moscow'), criteria: crit };
  }

  /** Each project as its organisation's head writes it: the card first, the rest later, then the submission. */
  async apply(comp: Comp, projects: readonly DemoProject[], from: number, step: number, days?: number): Promise<Placed[]> {
    const placed: Placed[] = [];
    for (const [i, project] of projects.entries()) {
      const actor = this.owners[project.org];
      const org = ORGANISATIONS[project.org];
      const t = from + i * step;
      const draft = await createApplication(this.db, actor, comp.id,
        createApplicationBody.parse({ organizationId: this.orgIds[project.org], ...projectCard(project, org, comp.closingDay, days) }), new Date(t));
      if (project.fate.kind === 'draft') {
        placed.push({ project, id: draft.id, number: draft.number });
        continue;
      }
      await saveDraft(this.db, actor, draft.id, updateApplicationBody.parse({ version: draft.version, ...projectDetails(project, org, comp.closingDay, days) }), new Date(t + 40 * MINUTE));
      await submitApplication(this.db, actor, draft.id, new Date(t + 55 * MINUTE));
      if (project.fate.kind === 'withdrawn') await withdrawApplication(this.db, actor, draft.id, new Date(t + 2 * DAY));
      placed.push({ project, id: draft.id, number: draft.number });
    }
    return placed;
  }

  /**
   * After the close: the review starts, and every submitted application is admitted (and given its experts by the
   * automatic assignment at once) or rejected, but those left to screen. One assignment run per admitted application:
   * within a run the solver breaks ties between applications by their (random) ids, so runs of one application keep
   * the demo's pairs of experts the same every time.
   */
  async screen(comp: Comp, apps: Placed[], at: number, reviewsDue: Date) {
    await startCompetitionReview(this.db, this.organiser, comp.id, new Date(at));
    for (const [i, a] of apps.entries()) {
      const fate = a.project.fate;
      if (fate.kind === 'submitted' || fate.kind === 'withdrawn' || fate.kind === 'draft') continue;
      const t = at + HOUR + i * 7 * MINUTE;
      await screenApplication(this.db, this.organiser, a.id, fate.kind === 'rejected' ? { decision: 'reject', reason: fate.reason } : { decision: 'admit' }, new Date(t));
      if (fate.kind !== 'rejected') {
        await autoAssignExperts(this.db, this.organiser, comp.id, autoAssignBody.parse({ dueAt: reviewsDue.toISOString() }), new Date(t + 2 * MINUTE));
      }
    }
  }

  /**
   * The experts' work, one review after another: each application's reviewers give totals around its score (the
   * divergent one's two totals as given, then the extra expert's). With `pendingPerExpert`, each expert keeps that many
   * assignments undone (the last ones by number; the first of expert 1's saved as a draft), and the divergent
   * application's extra expert is left to come.
   */
  async review(comp: Comp, apps: Placed[], from: number, { pendingPerExpert }: { pendingPerExpert: number }) {
    const rows = await this.assignmentsOf(comp.id);
    const byApp = new Map(apps.map((a) => [a.id, a]));
    const pending = new Set<string>();
    const left = new Map([...this.experts.keys()].map((id) => [id, pendingPerExpert]));
    for (const r of [...rows].reverse()) {
      const fate = byApp.get(r.applicationId)!.project.fate;
      if (fate.kind === 'divergent' || left.get(r.expertId)! <= 0) continue;
      left.set(r.expertId, left.get(r.expertId)! - 1);
      pending.add(r.id);
    }
    let t = from;
    const next = () => new Date((t += 3 * HOUR + 17 * MINUTE));
    const scoreOf = (app: Placed, k: number) => {
      const fate = app.project.fate;
      if (fate.kind === 'divergent') return fate.totals[k];
      if (fate.kind !== 'reviewed') throw new Error(`demo: ${app.number} should not be under review`);
      const spread = 1 + (app.number.charCodeAt(app.number.length - 1) % 4);
      return fate.score + (k === 0 ? spread : -spread);
    };
    const seen = new Map<string, number>();
    const draftsLeft = new Set([[...this.experts.keys()][0]]);
    for (const r of rows) {
      const app = byApp.get(r.applicationId)!;
      const k = seen.get(app.id) ?? 0;
      seen.set(app.id, k + 1);
      if (pending.has(r.id)) {
        if (draftsLeft.delete(r.expertId)) await this.score(comp, r, scoreOf(app, k), next(), false);
        continue;
      }
      await this.score(comp, r, scoreOf(app, k), next(), true);
    }
    // The extra experts the divergent applications got: last year's reviewed, this season's still to come.
    for (const app of apps) {
      const fate = app.project.fate;
      if (fate.kind !== 'divergent' || fate.extra === undefined) continue;
      const [extra] = (await this.assignmentsOf(comp.id)).filter((r) => r.applicationId === app.id && r.isExtra);
      if (!extra) throw new Error(`demo: ${app.number} got no extra expert`);
      await this.score(comp, extra, fate.extra, next(), true);
    }
  }

  private async score(comp: Comp, assignment: { id: string; expertId: string }, total: number, at: Date, submit: boolean) {
    const expert = this.experts.get(assignment.expertId)!;
    await saveReviewDraft(this.db, expert, assignment.id, reviewBody.parse(scoresFor(total, comp.criteria)), at);
    if (submit) await submitReview(this.db, expert, assignment.id, new Date(at.getTime() + 25 * MINUTE));
  }

  private assignmentsOf(competitionId: string) {
    return this.db.select({ id: assignments.id, applicationId: assignments.applicationId, expertId: assignments.expertId, isExtra: assignments.isExtra })
      .from(assignments).innerJoin(applications, eq(applications.id, assignments.applicationId))
      .where(eq(assignments.competitionId, competitionId)).orderBy(asc(applications.number), asc(assignments.expertId));
  }
}
