// A small world for totals and exports: three operators (two regional, one federal), their staff, four
// competitions and applications in every status, with the expected figures computed here independently.
import { eq } from 'drizzle-orm';
import { COUNTED_AS_ADMITTED, COUNTED_AS_SUBMITTED, REPORT_OWED, type ApplicationStatus, type ReportStatus, type WinnerReportStatus } from '@konkurs/shared';
import { applications, reports } from '../src/db/schema/index.js';
import type { TestApp } from './helper.js';
import { completeDraft, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type CompetitionRow } from './fixtures.js';

export interface Spec {
  comp: 'A1' | 'A2' | 'B' | 'F';
  region: '40' | '23' | '62';
  status: ApplicationStatus;
  direction: string;
  requested: number;
  awarded?: number;
  /** A withdrawn application that had never been submitted. */
  neverSubmitted?: boolean;
  title?: string;
  /** A winner's reports in schedule order: status, grant spent (cumulative), and whether its deadline has passed. */
  reports?: SpecReport[];
}
export interface SpecReport { status: ReportStatus; grant: number; late?: boolean }

// Every status, several regions and directions, in all four competitions.
export const SPECS: Spec[] = [
  { comp: 'A1', region: '40', status: 'draft', direction: 'youth', requested: 1_000_000 },
  { comp: 'A1', region: '40', status: 'submitted', direction: 'youth', requested: 2_000_000 },
  { comp: 'A1', region: '40', status: 'admitted', direction: 'social_services', requested: 3_000_000 },
  { comp: 'A1', region: '23', status: 'rejected', direction: 'youth', requested: 4_000_000 },
  { comp: 'A1', region: '23', status: 'under_review', direction: 'culture', requested: 5_000_000 },
  { comp: 'A1', region: '62', status: 'reviewed', direction: 'culture', requested: 6_000_000 },
  { comp: 'A1', region: '40', status: 'winner', direction: 'youth', requested: 7_000_000, awarded: 6_500_000,
    reports: [{ status: 'accepted', grant: 2_000_000, late: true }, { status: 'accepted', grant: 3_000_000, late: true }, { status: 'due', grant: 0 }] },
  { comp: 'A1', region: '62', status: 'not_supported', direction: 'social_services', requested: 8_000_000 },
  { comp: 'A1', region: '40', status: 'withdrawn', direction: 'youth', requested: 9_000_000 },
  { comp: 'A1', region: '40', status: 'withdrawn', direction: 'youth', requested: 9_500_000, neverSubmitted: true },
  { comp: 'A2', region: '40', status: 'winner', direction: 'culture', requested: 150_000_000, awarded: 150_000_000,
    reports: [{ status: 'accepted', grant: 1_000_000, late: true }, { status: 'returned', grant: 9_000_000, late: true }, { status: 'draft', grant: 0 }] },
  { comp: 'A2', region: '23', status: 'submitted', direction: 'youth', requested: 1_234_567 },
  { comp: 'A2', region: '62', status: 'draft', direction: 'culture', requested: 1_111_111 },
  { comp: 'B', region: '23', status: 'winner', direction: 'social_services', requested: 11_000_000, awarded: 11_000_000,
    reports: [{ status: 'submitted', grant: 5_000_000, late: true }, { status: 'due', grant: 0 }] },
  { comp: 'B', region: '23', status: 'rejected', direction: 'youth', requested: 12_000_000 },
  { comp: 'B', region: '62', status: 'reviewed', direction: 'culture', requested: 13_000_000 },
  { comp: 'F', region: '62', status: 'winner', direction: 'youth', requested: 14_000_000, awarded: 10_000_000,
    reports: [{ status: 'accepted', grant: 4_000_000, late: true }, { status: 'accepted', grant: 9_500_000, late: true }] },
  { comp: 'F', region: '40', status: 'admitted', direction: 'culture', requested: 15_000_000 },
  { comp: 'F', region: '23', status: 'withdrawn', direction: 'social_services', requested: 16_000_000 },
];

export type World = Awaited<ReturnType<typeof makeFiguresWorld>>;

export async function makeFiguresWorld(t: TestApp, specs: Spec[] = SPECS) {
  const opA = await makeOperator(t, 'regional', '40');
  const opB = await makeOperator(t, 'regional', '23');
  const fed = await makeOperator(t, 'federal');
  const users = {
    admin: await makeUser(t, 'admin'),
    officialA: await makeUser(t, 'official', { operatorId: opA.id }),
    organiserA: await makeUser(t, 'organiser', { operatorId: opA.id }),
    officialB: await makeUser(t, 'official', { operatorId: opB.id }),
    organiserB: await makeUser(t, 'organiser', { operatorId: opB.id }),
    federalOfficial: await makeUser(t, 'official', { operatorId: fed.id }),
    federalOrganiser: await makeUser(t, 'organiser', { operatorId: fed.id }),
    expert: await makeUser(t, 'expert', { operatorId: opA.id }),
    applicant: await makeUser(t, 'applicant'),
  };
  const comps: Record<Spec['comp'], CompetitionRow> = {
    A1: await makeCompetition(t, opA.id, { title: 'Калуга: малые гранты', status: 'review' }),
    A2: await makeCompetition(t, opA.id, { title: 'Калуга: культура', status: 'decided', timezone: 'Asia/Vladivostok' }),
    B: await makeCompetition(t, opB.id, { title: 'Кубань: гранты губернатора', status: 'review' }),
    F: await makeCompetition(t, fed.id, { title: 'Президентские гранты', status: 'review' }),
  };
  const orgs = {
    '40': await makeOrganization(t, users.applicant.id, '40'),
    '23': await makeOrganization(t, users.applicant.id, '23'),
    '62': await makeOrganization(t, users.applicant.id, '62'),
  };
  const apps = [];
  for (const s of specs) {
    const comp = comps[s.comp];
    const content = { ...completeDraft(comp, s.requested), directionCode: s.direction, ...(s.title ? { title: s.title } : {}) };
    const row = await makeApplication(t, comp, orgs[s.region].id, users.applicant.id, { status: s.status, content });
    if (s.awarded !== undefined || s.neverSubmitted) {
      await t.db.update(applications).set({
        ...(s.awarded !== undefined ? { awardedKopecks: s.awarded } : {}), ...(s.neverSubmitted ? { submittedAt: null } : {}),
      }).where(eq(applications.id, row.id));
    }
    if (s.reports?.length) {
      const day = 86_400_000;
      await t.db.insert(reports).values(s.reports.map((r, i) => ({
        applicationId: row.id, competitionId: comp.id, organizationId: orgs[s.region].id, kind: i === s.reports!.length - 1 ? 'final' as const : 'interim' as const,
        seq: i + 1, status: r.status, dueAt: new Date(t.clock.now().getTime() + (r.late ? -(10 - i) * day : (i + 1) * 30 * day)), grantSpentKopecks: r.grant,
      })));
    }
    apps.push({ ...s, id: row.id, number: row.number, competitionId: comp.id, operatorId: comp.operatorId, submittedAt: s.neverSubmitted || s.status === 'draft' ? null : row.submittedAt });
  }
  return { operators: { A: opA, B: opB, F: fed }, users, comps, orgs, apps };
}

type Figures = {
  submitted: number; admitted: number; winners: number; requestedKopecks: number; awardedKopecks: number;
  spentKopecks: number; reportsAccepted: number; reportsOverdue: number;
};
const NO_FIGURES: Figures = { submitted: 0, admitted: 0, winners: 0, requestedKopecks: 0, awardedKopecks: 0, spentKopecks: 0, reportsAccepted: 0, reportsOverdue: 0 };

/** What a winner has spent: its latest accepted report's grant spending (reports are cumulative). */
export const spentOf = (rs: readonly SpecReport[] = []) => rs.filter((r) => r.status === 'accepted').at(-1)?.grant ?? 0;
/** How a winner's reporting stands, as the open data says it. */
export function reportStatusOf(rs: readonly SpecReport[] = []): WinnerReportStatus {
  if (rs.length && rs.every((r) => r.status === 'accepted')) return 'accepted';
  if (rs.some((r) => REPORT_OWED.includes(r.status) && r.late)) return 'overdue';
  if (rs.some((r) => r.status === 'submitted')) return 'submitted';
  return 'in_progress';
}

/** The totals computed here from the specs, grouped by `keyOf`, independently of the API's SQL. */
export function expectedTotals(apps: World['apps'], keyOf: (a: World['apps'][number]) => string) {
  const groups = new Map<string, Figures>();
  const total: Figures = { ...NO_FIGURES };
  for (const a of apps) {
    if (!COUNTED_AS_SUBMITTED.includes(a.status)) continue;
    const g = groups.get(keyOf(a)) ?? { ...NO_FIGURES };
    for (const f of [g, total]) {
      f.submitted += 1;
      f.admitted += COUNTED_AS_ADMITTED.includes(a.status) ? 1 : 0;
      f.winners += a.status === 'winner' ? 1 : 0;
      f.requestedKopecks += a.requested;
      f.awardedKopecks += a.status === 'winner' ? (a.awarded ?? 0) : 0;
      f.spentKopecks += spentOf(a.reports);
      f.reportsAccepted += (a.reports ?? []).filter((r) => r.status === 'accepted').length;
      f.reportsOverdue += (a.reports ?? []).filter((r) => REPORT_OWED.includes(r.status) && r.late).length;
    }
    groups.set(keyOf(a), g);
  }
  return { rows: Object.fromEntries(groups), total };
}
