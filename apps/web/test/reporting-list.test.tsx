import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ReportScheduleEditor } from '../src/pages/organiser/reporting/report-schedule';
import { ReportsTab } from '../src/pages/organiser/reporting/reports-tab';
import { competitionFixture } from './fixtures';
import { mockFetch, renderScreen } from './render';
import { reportSummaryFixture } from './reports-fixtures';

const published = { ...competitionFixture, status: 'published' as const };
const id = (n: number) => `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;
const overdue = reportSummaryFixture({ id: id(1), applicationNumber: 'KLG-2027-000003', status: 'returned', overdue: true, dueAt: '2027-05-31T20:59:59Z', grantSpentKopecks: 150_000_000 });
const waiting = reportSummaryFixture({ id: id(2), applicationNumber: 'KLG-2027-000004', status: 'submitted', kind: 'final', seq: 2, dueAt: '2028-01-30T20:59:59Z' });
const accepted = reportSummaryFixture({ id: id(3), status: 'accepted' });
const schedule = { interimDates: null, finalReportDays: 30 };
/** The server counts the whole competition (the first page carries them). */
const counts = { due: 1, overdue: 1, submitted: 1, accepted: 1 };

describe('reporting tab', () => {
  it('lists the reports as the server orders them, with the counts, «Просрочен» and the spent sum, then pages on', async () => {
    const calls = mockFetch((url) => {
      if (url.endsWith('/report-schedule')) return { status: 200, body: schedule };
      if (url.includes('cursor=next')) return { status: 200, body: { items: [accepted], nextCursor: null, counts } };
      if (url.includes('/reports')) return { status: 200, body: { items: [overdue, waiting], nextCursor: 'next', counts } };
      return undefined;
    });
    renderScreen(<ReportsTab competition={published} />);
    const table = await screen.findByRole('table', { name: 'Отчёты победителей' });
    const rows = () => within(table).getAllByRole('row').slice(1).map((r) => r.textContent?.replace(/\u00a0/g, ' '));
    expect(rows()[0]).toMatch(/^KLG-2027-000003.*Промежуточный отчёт № 1.*31\.05\.2027.*Возвращён на доработкуПросрочен.*1 500 000,00 ₽Открыть$/);
    expect(rows()[1]).toMatch(/^KLG-2027-000004.*Итоговый отчёт.*30\.01\.2028.*На проверке.*0,00 ₽Открыть$/);
    expect(within(table).getByRole('link', { name: 'Открыть: Итоговый отчёт, заявка KLG-2027-000004' }).getAttribute('href')).toBe(`/organiser/reports/${id(2)}`);
    expect(await screen.findByTestId('count-due')).toHaveProperty('textContent', 'К сдаче: 1 отчёт');
    expect(screen.getByTestId('count-overdue').textContent).toBe('Просрочено: 1 отчёт');
    expect(screen.getByTestId('count-submitted').textContent).toBe('На проверке: 1 отчёт');
    expect(screen.getByTestId('count-accepted').textContent).toBe('Принято: 1 отчёт');
    expect(screen.getByText('По умолчанию: один промежуточный отчёт в середине срока проекта.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Показать ещё' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(calls.some((c) => c.url.includes('cursor=next'))).toBe(true);
  });

  it('asks the server for the overdue ones only', async () => {
    const calls = mockFetch((url) => {
      if (url.endsWith('/report-schedule')) return { status: 200, body: schedule };
      if (url.includes('overdue=true')) return { status: 200, body: { items: [overdue], nextCursor: null, counts } };
      if (url.includes('/reports')) return { status: 200, body: { items: [overdue, waiting], nextCursor: null, counts } };
      return undefined;
    });
    renderScreen(<ReportsTab competition={published} />);
    await screen.findByRole('table', { name: 'Отчёты победителей' });
    fireEvent.click(screen.getByRole('switch', { name: 'Только просроченные' }));
    await waitFor(() => expect(screen.getAllByTestId('report-row')).toHaveLength(1));
    expect(calls.some((c) => /\/reports\?overdue=true&limit=50$/.test(c.url))).toBe(true);
  });
});

describe('report schedule', () => {
  it('saves the interim dates sorted, and puts a refused date beside its row', async () => {
    const calls = mockFetch((url, init) => {
      if (!url.endsWith('/report-schedule')) return undefined;
      if (init.method !== 'PUT') return { status: 200, body: schedule };
      const { interimDates } = JSON.parse(String(init.body)) as { interimDates: string[] };
      return interimDates.includes('2026-01-10')
        ? { status: 400, body: { type: 'about:blank', title: 'Bad Request', status: 400, code: 'validation', errors: [{ path: 'interimDates.0', code: 'not-a-code-the-spa-knows', message: 'Дата уже прошла' }] } }
        : { status: 200, body: { interimDates, finalReportDays: 30 } };
    });
    renderScreen(<ReportScheduleEditor competition={{ ...competitionFixture, status: 'review' }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Добавить дату' }));
    fireEvent.click(screen.getByRole('button', { name: 'Добавить дату' }));
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить график' }));
    expect(await screen.findAllByText('Укажите дату или удалите строку')).toHaveLength(2);
    const date = (n: number) => screen.getByRole('textbox', { name: `Дата промежуточного отчёта ${n}` });
    fireEvent.change(date(1), { target: { value: '01.09.2027' } });
    fireEvent.blur(date(1));
    fireEvent.change(date(2), { target: { value: '10.01.2026' } });
    fireEvent.blur(date(2));
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить график' }));
    expect(await screen.findByText('Дата уже прошла')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT')[0]!.body).toEqual({ interimDates: ['2026-01-10', '2027-09-01'] });
    // Sorted on save: the refused date is the first row now.
    expect((date(1) as HTMLInputElement).value).toBe('10.01.2026');
    fireEvent.click(screen.getByRole('button', { name: 'Удалить дату 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить график' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PUT')[1]!.body).toEqual({ interimDates: ['2027-09-01'] });
  });

  it('is not offered once the results are published', () => {
    mockFetch(() => undefined);
    renderScreen(<ReportScheduleEditor competition={{ ...competitionFixture, status: 'published' }} />);
    expect(screen.queryByTestId('report-schedule')).toBeNull();
  });
});
