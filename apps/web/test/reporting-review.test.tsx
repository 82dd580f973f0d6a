import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Report } from '@konkurs/shared';
import { ReportReview } from '../src/pages/organiser/reporting/report-review';
import { mockFetch, renderScreen } from './render';
import { reportFixture } from './reports-fixtures';

/** A submitted report whose entries are not in the plan's order: paths must name the plan's index, not the array's. */
const submitted = (overrides: Partial<Report> = {}) => reportFixture({
  status: 'submitted', submittedAt: '2027-06-20T09:00:00Z', version: 4,
  events: [
    { calendarIndex: 1, status: 'partly', actualStartDate: '2027-04-05', actualEndDate: '2027-04-30', result: 'Пришли 60 гостей' },
    { calendarIndex: 0, status: 'done', actualStartDate: '2027-02-01', actualEndDate: '2027-03-20', result: 'Помещение отремонтировано' },
  ],
  spending: [
    { budgetIndex: 1, grantSpentKopecks: 28_000_000, cofinancingSpentKopecks: 3_000_000, note: 'Зал на год' },
    { budgetIndex: 0, grantSpentKopecks: 17_000_000, cofinancingSpentKopecks: 2_000_000, note: null },
  ],
  narrative: 'Центр открыт.', links: ['https://example.org/news/1'],
  history: [{ round: 1, version: 4, submittedAt: '2027-06-20T09:00:00Z', submittedBy: null, content: {}, decision: null, comment: null, fieldComments: [], reviewedAt: null, reviewedBy: null }],
  ...overrides,
});
const text = (el: Element) => el.textContent?.replace(/\u00a0/g, ' ');
const reviewCalls = (calls: ReturnType<typeof mockFetch>) => calls.filter((c) => c.url.endsWith('/review'));

async function confirmIn(name: string) {
  const dialog = await screen.findByRole('dialog');
  fireEvent.click(within(dialog).getByRole('button', { name }));
}

describe('report review', () => {
  it('reads the report beside the plan: events planned and done, a line spent over its grant part in red', () => {
    mockFetch(() => undefined);
    renderScreen(<ReportReview report={submitted()} />);
    expect(text(screen.getByRole('heading', { level: 1 }))).toBe('Промежуточный отчёт № 1 по заявке KLG-2027-000001');
    const events = screen.getAllByTestId('event-row').map(text);
    expect(events[0]).toMatch(/Ремонт помещения.*01\.02\.2027 — 31\.03\.2027.*Выполнено.*01\.02\.2027 — 20\.03\.2027.*Помещение отремонтировано/);
    expect(events[1]).toMatch(/Открытие центра.*Выполнено частично.*Пришли 60 гостей/);
    const lines = screen.getAllByTestId('spending-row');
    expect(lines[0]!.querySelector('[data-over]')).toBeNull();
    expect(text(lines[1]!.querySelector('[data-over]')!)).toContain('Превышение на 10 000,00 ₽');
    expect(text(screen.getByTestId('report-history'))).toMatch(/Сдача 1 · Сдан 20.06.2027 12:00 мск.*Ждёт решения/);
  });

  it('returns the report with a general comment and comments beside fields, by the plan’s paths', async () => {
    const calls = mockFetch((url, init) => (init.method === 'POST' && url.endsWith('/review') ? { status: 200, body: submitted({ status: 'returned' }) } : undefined));
    renderScreen(<ReportReview report={submitted()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Замечание: мероприятие 2 · достигнутый результат' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Замечание: мероприятие 2 · достигнутый результат' }), { target: { value: ' Сколько гостей ожидалось? ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Замечание: строка сметы 2 · израсходовано из гранта' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Замечание: строка сметы 2 · израсходовано из гранта' }), { target: { value: 'Больше, чем по смете' } });
    // A comment opened and left empty is not sent; one removed is gone.
    fireEvent.click(screen.getByRole('button', { name: 'Замечание: описание хода реализации' }));
    fireEvent.click(screen.getByRole('button', { name: 'Замечание: ссылка 1' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Замечание: ссылка 1' }), { target: { value: 'Ссылка не открывается' } });
    fireEvent.click(screen.getByRole('button', { name: 'Убрать замечание: ссылка 1' }));
    expect(screen.queryByRole('textbox', { name: 'Замечание: ссылка 1' })).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: /Общий комментарий/ }), { target: { value: 'Поправьте расходы' } });
    expect(screen.getByTestId('field-comment-count').textContent).toBe('2 замечания к полям');

    fireEvent.click(screen.getByRole('button', { name: 'Вернуть на доработку' }));
    await confirmIn('Вернуть на доработку');
    await waitFor(() => expect(reviewCalls(calls)).toHaveLength(1));
    expect(reviewCalls(calls)[0]!.body).toEqual({
      decision: 'return', comment: 'Поправьте расходы',
      fieldComments: [
        { path: 'events.1.result', comment: 'Сколько гостей ожидалось?' },
        { path: 'spending.1.grantSpentKopecks', comment: 'Больше, чем по смете' },
      ],
    });
  });

  it('does not return a report with nothing said, and says so beside the general comment', async () => {
    const calls = mockFetch(() => undefined);
    renderScreen(<ReportReview report={submitted()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Вернуть на доработку' }));
    expect(await screen.findByText('Напишите, что исправить: комментарий или замечание к полю')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(reviewCalls(calls)).toHaveLength(0);
  });

  it('puts the server’s 400 beside the comment it concerns', async () => {
    mockFetch((url) => (url.endsWith('/review') ? {
      status: 400, body: { type: 'about:blank', title: 'Bad Request', status: 400, code: 'validation',
        errors: [{ path: 'fieldComments.1.comment', code: 'unknown-to-the-spa', message: 'Замечание слишком длинное' }] },
    } : undefined));
    renderScreen(<ReportReview report={submitted()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Замечание: мероприятие 1 · выполнение' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Замечание: мероприятие 1 · выполнение' }), { target: { value: 'Почему не частично?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Замечание: строка сметы 1 · пояснение' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Замечание: строка сметы 1 · пояснение' }), { target: { value: 'Нет пояснения' } });
    fireEvent.click(screen.getByRole('button', { name: 'Вернуть на доработку' }));
    await confirmIn('Вернуть на доработку');
    const box = await screen.findByText('Замечание слишком длинное');
    expect(box.closest('[data-path]')?.getAttribute('data-path')).toBe('spending.0.note');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('accepts a report', async () => {
    const calls = mockFetch((url) => (url.endsWith('/review') ? { status: 200, body: submitted({ status: 'accepted' }) } : undefined));
    renderScreen(<ReportReview report={submitted()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Принять отчёт' }));
    await confirmIn('Принять отчёт');
    await waitFor(() => expect(reviewCalls(calls)).toHaveLength(1));
    expect(reviewCalls(calls)[0]!.body).toEqual({ decision: 'accept' });
  });

  it('offers no decision on a returned report, and shows the comments the organisation sees beside their fields', () => {
    mockFetch(() => undefined);
    renderScreen(<ReportReview report={submitted({
      status: 'returned', comment: 'Поправьте смету', fieldComments: [{ path: 'spending.1.grantSpentKopecks', comment: 'Превышение по аренде' }],
    })} />);
    expect(screen.queryByRole('button', { name: 'Вернуть на доработку' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Замечание:/ })).toBeNull();
    expect(screen.getByTestId('returned-note').textContent).toMatch(/^Отчёт возвращён на доработкуПоправьте смету\nЗамечания к полям организация видит рядом с полями/);
    const lines = screen.getAllByRole('row').map(text);
    const over = lines.findIndex((l) => l?.includes('Превышение по аренде'));
    expect(lines[over]).toContain('Замечание при возврате: строка сметы 2 · израсходовано из гранта');
    expect(lines[over - 1]).toContain('Аренда зала');
  });
});
