// A winner's report as GET /reports/:id answers it: two calendar events, two budget lines.
import type { Report, ReportSummary } from '@konkurs/shared';
import { applicationFixture, competitionFixture } from './fixtures';

export const winnerFixture = applicationFixture({
  status: 'winner', title: 'Соседский центр', submittedAt: '2027-01-10T09:00:00Z', awardedKopecks: 45_000_000, finalScore: 76.25,
});

export function reportSummaryFixture(overrides: Partial<ReportSummary> = {}): ReportSummary {
  return {
    id: '00000000-0000-4000-8000-0000000000c1', applicationId: winnerFixture.id, applicationNumber: winnerFixture.number,
    applicationTitle: winnerFixture.title ?? null, organizationName: winnerFixture.organizationName, regionCode: '40', competitionId: competitionFixture.id,
    kind: 'interim', seq: 1, dueAt: '2027-06-30T20:59:59Z', status: 'due', overdue: false, version: 1, submittedAt: null, acceptedAt: null,
    grantSpentKopecks: 0, cofinancingSpentKopecks: 0, updatedAt: '2027-02-01T00:00:00Z',
    ...overrides,
  };
}

export function reportFixture(overrides: Partial<Report> = {}): Report {
  return {
    ...reportSummaryFixture(),
    competitionTitle: competitionFixture.title, timezone: 'Europe/Moscow',
    events: null, spending: null, narrative: null, links: null, cofinancingNote: null,
    plan: {
      startDate: '2027-02-01', endDate: '2027-12-31', awardedKopecks: 45_000_000,
      calendarPlan: [
        { title: 'Ремонт помещения', startDate: '2027-02-01', endDate: '2027-03-31', expectedResult: 'Помещение готово' },
        { title: 'Открытие центра', startDate: '2027-04-01', endDate: '2027-04-30', expectedResult: '100 гостей' },
      ],
      budget: [
        { category: 'goods', item: 'Мебель', totalKopecks: 20_000_000, cofinancingKopecks: 2_000_000, grantKopecks: 18_000_000 },
        { category: 'services', item: 'Аренда зала', totalKopecks: 30_000_000, cofinancingKopecks: 3_000_000, grantKopecks: 27_000_000 },
      ],
    },
    attachments: [], comment: null, fieldComments: [], history: [],
    ...overrides,
  };
}
