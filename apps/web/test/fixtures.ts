import { DEFAULT_CRITERIA, type Application, type Competition } from '@konkurs/shared';

export const competitionFixture: Competition = {
  id: '00000000-0000-4000-8000-000000000001', code: 'KLG-2027', title: 'Губернаторский конкурс', description: '',
  operatorId: '00000000-0000-4000-8000-000000000002', operatorName: 'Министерство', status: 'open',
  directionCodes: ['social_services', 'family', 'youth', 'culture'], regionCodes: ['40'],
  opensAt: '2026-01-01T00:00:00+03:00', closesAt: '2099-01-01T00:00:00+03:00', timezone: 'Europe/Moscow',
  budgetKopecks: 1_000_000_000, minGrantKopecks: 10_000_000, maxGrantKopecks: 300_000_000, maxProjectMonths: 12,
  minCofinancingPercent: 10, reviewersPerApplication: 2, divergenceThreshold: 30, passMark: 60, oneWinPerOrganization: true,
  maxApplicationsPerOrganization: 2, requiredAttachmentKinds: [], criteria: DEFAULT_CRITERIA.map((c) => ({ ...c })), version: 1,
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};

export function applicationFixture(overrides: Partial<Application> = {}): Application {
  return {
    id: '00000000-0000-4000-8000-0000000000a1', number: 'KLG-2027-000001', competitionId: competitionFixture.id, competitionCode: 'KLG-2027',
    competitionTitle: competitionFixture.title, organizationId: '00000000-0000-4000-8000-0000000000b1', organizationName: 'Добрые соседи',
    regionCode: '40', status: 'draft', version: 1, title: 'Старое название', directionCode: null, summary: null, relevance: null, goal: null,
    tasks: null, targetGroups: null, geographyRegionCodes: null, startDate: null, endDate: null, team: null, calendarPlan: null, budget: null,
    totalCostKopecks: 0, cofinancingKopecks: 0, requestedKopecks: 0, awardedKopecks: null, finalScore: null, screeningReason: null,
    attachments: [], submittedAt: null, hiddenAt: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}
