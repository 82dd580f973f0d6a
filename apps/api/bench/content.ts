// A full application of about 30 KB (every section filled, texts the length applicants write), complete
// enough to pass the submit checks of the bench's open competition (closing 30 days after `now`).
import { budgetTotals, BUDGET_CATEGORIES, type DraftFields } from '@konkurs/shared';

const PARAGRAPH = 'Проект направлен на поддержку пожилых жителей малых городов области: волонтёры помогают им с покупками, '
  + 'сопровождают к врачу, учат пользоваться государственными услугами в интернете и организуют встречи по интересам. ';

const day = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export function fullApplication(now: Date, revision = 0): DraftFields {
  const start = now.getTime() + 40 * day;
  const end = start + 300 * day;
  const tasks = Array.from({ length: 8 }, (_, i) => `Задача ${i + 1}: ${PARAGRAPH.slice(0, 120)}`);
  return {
    title: `Серебряные волонтёры (редакция ${revision})`,
    directionCode: 'social_services',
    summary: PARAGRAPH.repeat(4),
    relevance: PARAGRAPH.repeat(28),
    goal: PARAGRAPH.slice(0, 200),
    tasks,
    targetGroups: ['пожилые люди', 'волонтёры', 'родственники пожилых людей'],
    geographyRegionCodes: ['40', '62'],
    startDate: iso(start),
    endDate: iso(end),
    team: Array.from({ length: 6 }, (_, i) => ({ fullName: `Участник команды ${i + 1}`, role: 'Координатор', experience: PARAGRAPH.repeat(2) })),
    calendarPlan: Array.from({ length: 16 }, (_, i) => ({
      taskIndex: i % tasks.length, title: `Мероприятие ${i + 1}`, startDate: iso(start + i * 15 * day), endDate: iso(start + (i * 15 + 10) * day),
      expectedResult: PARAGRAPH.slice(0, 180),
    })),
    budget: Array.from({ length: 30 }, (_, i) => ({
      category: BUDGET_CATEGORIES[i % BUDGET_CATEGORIES.length], item: `Статья расходов ${i + 1}`, quantity: 1,
      unitCostKopecks: 12_000_000, cofinancingKopecks: 2_000_000,
    })),
  };
}

export function fullApplicationRow(now: Date) {
  const content = fullApplication(now);
  const t = budgetTotals(content.budget);
  return { content, requestedKopecks: t.requestedKopecks, cofinancingKopecks: t.cofinancingKopecks, directionCode: content.directionCode! };
}
