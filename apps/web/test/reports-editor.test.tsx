import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import type { Report } from '@konkurs/shared';
import { ApplicationPage } from '../src/pages/applicant/application-page';
import { ReportPage } from '../src/pages/applicant/reports/report-page';
import { describeReportPath } from '../src/pages/applicant/reports/report-paths';
import ru from '../src/i18n/ru/reports';
import { applicationFixture, competitionFixture } from './fixtures';
import { reportFixture, reportSummaryFixture, winnerFixture } from './reports-fixtures';
import { mockFetch, renderScreen } from './render';

type Extra = (url: string, method: string, body: unknown) => { status: number; body?: unknown } | undefined;

function openReport(report: Report, step: number, extra: Extra = () => undefined) {
  const calls = mockFetch((url, init) => {
    const answer = extra(url, init.method!, init.body ? JSON.parse(String(init.body)) : undefined);
    if (answer) return answer;
    if (url.endsWith(`/reports/${report.id}`) && init.method === 'GET') return { status: 200, body: report };
    return undefined;
  });
  renderScreen(
    <Routes><Route path="/applicant/applications/:id/reports/:reportId" element={<ReportPage autosaveDelayMs={50} />} /></Routes>,
    { route: `/applicant/applications/${report.applicationId}/reports/${report.id}?step=${step}` },
  );
  return calls;
}

describe('the report editor: the organiser’s comments', () => {
  const returned = reportFixture({
    status: 'returned', version: 4, comment: 'Уточните расходы и опишите открытие.',
    fieldComments: [
      { path: 'spending.1.grantSpentKopecks', comment: 'Приложите договор аренды' },
      { path: 'narrative', comment: 'Расскажите, сколько человек пришло' },
    ],
    spending: [{ budgetIndex: 1, grantSpentKopecks: 10_000_000, cofinancingSpentKopecks: 0, note: null }],
  });

  it('shows the general comment at the top and each field comment right under its field, and marks the steps that have them', async () => {
    openReport(returned, 1);
    const general = await screen.findByTestId('general-comment');
    expect(general.textContent).toContain('Уточните расходы и опишите открытие.');
    // The comment on line 2's grant spending sits beside that very input, not line 1's.
    const input = screen.getByRole('textbox', { name: 'Строка 2: Аренда зала: Израсходовано из гранта, ₽' });
    const comment = screen.getByText('Приложите договор аренды');
    const cell = comment.closest('[data-testid="field-comment"]')!.parentElement!;
    expect(within(cell).getByRole('textbox')).toBe(input);
    expect(within(cell).getByText(ru.comments.field)).toBeTruthy();
    expect(screen.queryByText('Расскажите, сколько человек пришло')).toBeNull(); // on the narrative step
    // The steps with comments are marked: spending and the narrative, not the events.
    const nav = screen.getByRole('navigation', { name: 'Разделы отчёта' });
    expect(within(nav).getByRole('button', { name: /Расходы\s*есть замечания/ })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: /Отчёт о реализации\s*есть замечания/ })).toBeTruthy();
    expect(within(nav).queryByRole('button', { name: /Мероприятия\s*есть замечания/ })).toBeNull();
    fireEvent.click(within(nav).getByRole('button', { name: /Отчёт о реализации/ }));
    const narrativeComment = await screen.findByText('Расскажите, сколько человек пришло');
    expect(within(narrativeComment.closest('[data-testid="field-comment"]')!.parentElement!).getByRole('textbox', { name: /Описание хода реализации/ })).toBeTruthy();
  });

  it('keeps the comments out of a report that is no longer returned', async () => {
    openReport({ ...returned, status: 'draft' }, 1);
    await screen.findByRole('textbox', { name: 'Строка 2: Аренда зала: Израсходовано из гранта, ₽' });
    expect(screen.queryByTestId('field-comment')).toBeNull();
    expect(screen.queryByTestId('general-comment')).toBeNull();
  });
});

describe('the report editor: spending', () => {
  it('a line over its grant part says so at once, the sums run, and the save sends kopecks by the plan’s index', async () => {
    const report = reportFixture();
    const calls = openReport(report, 1, (url, method, body) => method === 'PATCH' ? { status: 200, body: { ...report, ...(body as object), status: 'draft', version: 2 } } : undefined);
    const input = await screen.findByRole('textbox', { name: 'Строка 1: Мебель: Израсходовано из гранта, ₽' });
    fireEvent.change(input, { target: { value: '190 000' } });
    // 190 000 ₽ against the line's grant part of 180 000 ₽: the submit's own words, before any submit.
    const error = await screen.findByText(/больше предусмотренных сметой 180\s000,00\s₽/);
    expect(error).toBeTruthy();
    expect(screen.getByTestId('grant-spent-total').textContent).toMatch(/190\s000,00\s₽/);
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1), { timeout: 3000 });
    const patch = calls.find((c) => c.method === 'PATCH')!.body as { version: number; spending: unknown[] };
    expect(patch.version).toBe(1);
    expect(patch.spending).toEqual([{ budgetIndex: 0, grantSpentKopecks: 19_000_000 }]);
    // Within the line: the problem goes away.
    fireEvent.change(input, { target: { value: '150 000' } });
    await waitFor(() => expect(screen.queryByText(/больше предусмотренных сметой/)).toBeNull());
  });
});

describe('the report editor: a stale version', () => {
  it('a 412 shows the banner, keeps what was typed, and the reload offers it back on top of the newer version', async () => {
    const report = reportFixture({ status: 'draft', version: 3 });
    const newer = { ...report, version: 5, narrative: 'Чужая правка' };
    let reloaded = false;
    openReport(report, 3, (url, method) => {
      if (method === 'PATCH') return { status: 412, body: { type: 'about:blank', title: 'Precondition Failed', status: 412, code: 'stale-version' } };
      if (method === 'GET' && url.endsWith(`/reports/${report.id}`) && reloaded) return { status: 200, body: newer };
      return undefined;
    });
    const narrative = await screen.findByRole('textbox', { name: /Описание хода реализации/ });
    fireEvent.change(narrative, { target: { value: 'Мой текст отчёта' } });
    expect(await screen.findByText(ru.editor.conflictText, undefined, { timeout: 3000 })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /Описание хода реализации/ }) as HTMLTextAreaElement).value).toBe('Мой текст отчёта');
    expect(localStorage.getItem(`konkurs.report.${report.id}`)).toContain('Мой текст отчёта');
    reloaded = true;
    fireEvent.click(screen.getByRole('button', { name: 'Загрузить новую версию' }));
    await waitFor(() => expect((screen.getByRole('textbox', { name: /Описание хода реализации/ }) as HTMLTextAreaElement).value).toBe('Чужая правка'));
    expect(screen.getByText(/Не сохранены изменения в разделах: Описание хода реализации/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Применить мои изменения' }));
    await waitFor(() => expect((screen.getByRole('textbox', { name: /Описание хода реализации/ }) as HTMLTextAreaElement).value).toBe('Мой текст отчёта'));
  });
});

describe('the report editor: submit', () => {
  it('a 422 lists every problem in words with its place, and each jumps to its field', async () => {
    const report = reportFixture({ status: 'draft' });
    const problems = [
      { path: 'events.1.status', code: 'report-event-required', params: { title: 'Открытие центра' }, message: 'x' },
      { path: 'spending.0.grantSpentKopecks', code: 'over-budget-line', params: { limitKopecks: 18_000_000, spentKopecks: 19_000_000 }, message: 'x' },
      { path: 'narrative', code: 'required', params: {}, message: 'x' },
    ];
    const calls = openReport(report, 4, (url, method) => method === 'POST' && url.endsWith('/submit')
      ? { status: 422, body: { type: 'about:blank', title: 'Unprocessable', status: 422, code: 'report-incomplete', errors: problems } } : undefined);
    fireEvent.click(await screen.findByRole('button', { name: 'Отправить отчёт' }));
    const dialog = await screen.findByRole('dialog', { name: 'Отправить отчёт организатору?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Отправить отчёт' }));
    const list = await screen.findByTestId('submit-problems');
    expect(calls.filter((c) => c.method === 'POST' && c.url.endsWith(`/reports/${report.id}/submit`))).toHaveLength(1);
    expect(list.textContent).toContain('Отчёт не отправлен: 3 замечания');
    expect(list.textContent).toContain('Мероприятия, мероприятие 2 «Открытие центра»: Выполнение');
    expect(list.textContent).toContain('Укажите, выполнено ли мероприятие «Открытие центра»');
    expect(list.textContent).toContain('Расходы, строка 1 «Мебель»: Израсходовано из гранта');
    expect(list.textContent).toMatch(/больше предусмотренных сметой 180\s000,00\s₽/);
    expect(list.textContent).toContain('Описание хода реализации');
    expect(list.textContent).not.toMatch(/[a-z]{3,}\.\d/); // no raw paths
    // A problem opens its step and focuses its field.
    fireEvent.click(within(list).getByRole('button', { name: /Расходы, строка 1/ }));
    const field = await screen.findByRole('textbox', { name: 'Строка 1: Мебель: Израсходовано из гранта, ₽' });
    await waitFor(() => expect(document.activeElement).toBe(field));
    // The problem stays beside the field.
    expect(screen.getByText(/больше предусмотренных сметой 180\s000,00\s₽/)).toBeTruthy();
  });

  it('describes a path by the plan’s index, in words', () => {
    const plan = reportFixture().plan;
    expect(describeReportPath('events.0.actualEndDate', ru, plan)).toBe('Мероприятия, мероприятие 1 «Ремонт помещения»: Фактическое окончание');
    expect(describeReportPath('spending.1', ru, plan)).toBe('Расходы, строка 2 «Аренда зала»');
    expect(describeReportPath('links.0', ru, plan)).toBe('Публикации и материалы в СМИ, ссылка 1');
    expect(describeReportPath('cofinancingNote', ru, plan)).toBe('Пояснение по софинансированию');
  });
});

describe('a submitted report', () => {
  it('is shown whole and read-only: no inputs, and the rounds’ history on request', async () => {
    const report = reportFixture({
      status: 'submitted', submittedAt: '2027-06-20T09:00:00Z', narrative: 'Центр открыт',
      events: [{ calendarIndex: 0, status: 'done', actualStartDate: '2027-02-01', actualEndDate: '2027-03-30', result: 'Готово' }],
      spending: [{ budgetIndex: 0, grantSpentKopecks: 15_000_000, cofinancingSpentKopecks: 2_000_000, note: null }],
      history: [
        { round: 1, version: 3, submittedAt: '2027-06-01T09:00:00Z', submittedBy: null, content: {}, decision: 'return', comment: 'Добавьте акты', fieldComments: [{ path: 'spending.0', comment: 'Нет акта' }], reviewedAt: '2027-06-05T09:00:00Z', reviewedBy: null },
        { round: 2, version: 5, submittedAt: '2027-06-20T09:00:00Z', submittedBy: null, content: {}, decision: null, comment: null, fieldComments: [], reviewedAt: null, reviewedBy: null },
      ],
    });
    openReport(report, 0);
    expect(await screen.findByText('Центр открыт')).toBeTruthy();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Отправить отчёт' })).toBeNull();
    expect(screen.getByText('Выполнено')).toBeTruthy();
    expect(screen.getByText(ru.editor.readOnlySubmitted)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Показать историю (2 отправки)' }));
    const rounds = await screen.findAllByTestId('report-round');
    expect(rounds[0].textContent).toContain('Возвращён на доработку');
    expect(rounds[0].textContent).toContain('Расходы, строка 1 «Мебель»: Нет акта');
    expect(rounds[1].textContent).toContain('ожидает проверки');
  });
});

describe('the «Отчёты» section of a winning application', () => {
  it('lists each report with its deadline in the competition’s zone, status, overdue in red, and the two PDFs', async () => {
    const app = winnerFixture;
    mockFetch((url) => {
      if (url.endsWith(`/applications/${app.id}`)) return { status: 200, body: app };
      if (url.endsWith(`/competitions/${competitionFixture.id}`)) return { status: 200, body: { ...competitionFixture, status: 'published', timezone: 'Europe/Kaliningrad' } };
      if (url.endsWith(`/applications/${app.id}/reports`)) return { status: 200, body: [
        reportSummaryFixture({ status: 'accepted', dueAt: '2026-12-31T21:59:59Z' }),
        reportSummaryFixture({ id: '00000000-0000-4000-8000-0000000000c2', seq: 2, status: 'returned', overdue: true, dueAt: '2027-06-30T21:59:59Z' }),
        reportSummaryFixture({ id: '00000000-0000-4000-8000-0000000000c3', kind: 'final', seq: 3, dueAt: '2028-01-30T21:59:59Z' }),
      ] };
      return undefined;
    });
    renderScreen(<Routes><Route path="/applicant/applications/:id" element={<ApplicationPage />} /></Routes>, { route: `/applicant/applications/${app.id}` });
    const section = await screen.findByRole('region', { name: 'Отчёты' });
    const rows = await within(section).findAllByTestId('report-row');
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toMatch(/Промежуточный отчёт №\s1/);
    expect(rows[0].textContent).toContain('до 31.12.2026');
    expect(rows[0].textContent).toContain('Принят');
    expect(rows[1].textContent).toContain('до 30.06.2027');
    expect(within(rows[1]).getByTestId('overdue').textContent).toBe('Просрочен');
    expect(within(rows[1]).getByRole('link', { name: /^Доработать: Промежуточный отчёт №\s2$/ }).getAttribute('href'))
      .toBe(`/applicant/applications/${app.id}/reports/00000000-0000-4000-8000-0000000000c2`);
    expect(rows[2].textContent).toContain('Итоговый отчёт');
    // 21:59:59Z is 23:59:59 in Kaliningrad (the competition's zone), already the next day in Moscow.
    expect(rows[2].textContent).toContain('до 30.01.2028');
    expect(within(section).getByRole('button', { name: 'Соглашение (PDF)' })).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Заявка (PDF)' })).toBeTruthy();
  });
});

describe('«Заявка (PDF)» on any submitted application', () => {
  it('offers the printed application (not the agreement) and downloads it with the token', async () => {
    const app = applicationFixture({ status: 'submitted', title: 'Соседский центр', submittedAt: '2027-01-10T09:00:00Z' });
    const calls = mockFetch((url) => {
      if (url.endsWith(`/applications/${app.id}`)) return { status: 200, body: app };
      if (url.endsWith(`/competitions/${competitionFixture.id}`)) return { status: 200, body: competitionFixture };
      if (url.endsWith(`/applications/${app.id}/print.pdf`)) return { status: 200, body: '%PDF-1.7' };
      return undefined;
    });
    const created: string[] = [];
    // jsdom has no object URLs: the download hands the bytes to one.
    URL.createObjectURL = () => { created.push('blob'); return 'blob:x'; };
    URL.revokeObjectURL = () => {};
    renderScreen(<Routes><Route path="/applicant/applications/:id" element={<ApplicationPage />} /></Routes>, { route: `/applicant/applications/${app.id}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Заявка (PDF)' }));
    expect(screen.queryByRole('button', { name: 'Соглашение (PDF)' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Отчёты' })).toBeNull();
    await waitFor(() => expect(created).toHaveLength(1));
    expect(calls.some((c) => c.url.endsWith(`/api/v1/applications/${app.id}/print.pdf`))).toBe(true);
  });
});
