// A submitted application as it prints (the applicant's and the expert's/organiser's rendering alike): the
// organisation's ИНН, ОГРН, КПП and region, the task each calendar event serves (its text), each budget line's
// total and a total row, and a "Печать" button that prints.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { ApplicationContent } from '../src/pages/applicant/application-content';
import { ApplicationView } from '../src/pages/expert/application-view';
import { applicationFixture } from './fixtures';
import { renderScreen } from './render';

const app = applicationFixture({
  status: 'submitted', submittedAt: '2027-01-20T10:00:00Z', title: 'Школа волонтёров',
  tasks: ['Обучить волонтёров', 'Провести фестиваль'],
  calendarPlan: [
    { taskIndex: 1, title: 'Фестиваль', startDate: '2027-04-01', endDate: '2027-04-02', expectedResult: '500 гостей' },
    { taskIndex: 0, title: 'Тренинги', startDate: '2027-03-01', endDate: '2027-03-31', expectedResult: '30 волонтёров' },
  ],
  budget: [
    { category: 'events', item: 'Аренда зала', quantity: 3, unitCostKopecks: 50_000_000, cofinancingKopecks: 15_000_000 },
    { category: 'goods', item: 'Футболки', quantity: 100, unitCostKopecks: 75_050, cofinancingKopecks: 0 },
  ],
  totalCostKopecks: 157_505_000, cofinancingKopecks: 15_000_000, requestedKopecks: 142_505_000,
  organization: { fullName: 'АНО «Добрые соседи»', inn: '4027000012', ogrn: '1024000000012', kpp: '402701001', regionCode: '40' },
});

const nbsp = (s: string) => s.replace(/ /g, '\u00a0');

describe.each([
  ['the applicant’s', () => <ApplicationContent application={app} />],
  ['the expert’s and organiser’s', () => <ApplicationView application={app} />],
])('%s application as it prints', (_name, ui) => {
  it('names the organisation, the tasks of the plan, line totals and the budget’s total row', () => {
    renderScreen(ui());
    const identity = screen.getByTestId('organization-identity').textContent!;
    for (const s of ['АНО «Добрые соседи»', 'ИНН', '4027000012', 'ОГРН', '1024000000012', 'КПП', '402701001', '40 Калужская область']) expect(identity).toContain(s);
    const plan = screen.getByRole('table', { name: 'Календарный план' });
    const festival = within(plan).getByText('Фестиваль').closest('tr')!;
    expect(festival.textContent).toContain('Провести фестиваль');
    const budget = screen.getByRole('table', { name: 'Бюджет проекта' });
    const rows = within(budget).getAllByRole('row');
    expect(rows[1].textContent).toContain(nbsp('1 500 000,00 ₽')); // 3 × 500 000,00
    expect(rows[2].textContent).toContain(nbsp('75 050,00 ₽')); // 100 × 750,50
    const total = within(budget).getByTestId('budget-total-row');
    expect(total.textContent).toContain('Итого');
    expect(total.textContent).toContain(nbsp('1 575 050,00 ₽'));
    expect(total.textContent).toContain(nbsp('150 000,00 ₽'));
    expect(document.body.textContent).toContain('KLG-2027 «Губернаторский конкурс»');
  });

  it('prints with the "Печать" button', () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    renderScreen(ui());
    fireEvent.click(screen.getByRole('button', { name: 'Печать' }));
    expect(print).toHaveBeenCalledOnce();
    print.mockRestore();
  });
});
