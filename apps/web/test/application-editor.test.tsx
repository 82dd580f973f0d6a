import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApplicationEditor } from '../src/pages/applicant/editor/application-editor';
import { describePath } from '../src/pages/applicant/editor/field-paths';
import { sectionsFilled } from '../src/pages/applicant/editor/review-step';
import ru from '../src/i18n/ru/applicant';
import { applicationFixture, competitionFixture } from './fixtures';
import { mockFetch, renderScreen } from './render';

const complete = {
  title: 'Соседский центр', directionCode: 'family', summary: 'Кратко', relevance: 'Важно', goal: 'Цель', tasks: ['Оборудовать'],
  targetGroups: ['Семьи'], geographyRegionCodes: ['40'], startDate: '2099-02-01', endDate: '2099-06-30',
  team: [{ fullName: 'Мария', role: null, experience: null }],
  calendarPlan: [{ taskIndex: 0, title: 'Ремонт', startDate: '2099-02-01', endDate: '2099-03-01', expectedResult: 'Готово' }],
  budget: [{ category: 'goods' as const, item: 'Мебель', quantity: 1, unitCostKopecks: 20_000_000, cofinancingKopecks: 2_000_000 }],
};
const editorAt = (step: number, app = applicationFixture(), competition = competitionFixture) =>
  renderScreen(<ApplicationEditor application={app} competition={competition} />, { route: `/?step=${step}` });
/** A Mantine label's required mark is an asterisk inside the label. */
const isMarked = (label: HTMLElement) => /\*/.test(label.textContent ?? '');

describe('required marks follow the submit’s rule (shared)', () => {
  it('"Задачи" and "Целевые группы" carry the mark, and so does each of their entries', () => {
    mockFetch(() => undefined);
    editorAt(0, applicationFixture({ tasks: ['Первая'], targetGroups: ['Семьи'] }));
    for (const legend of ['Задачи проекта', 'Целевые группы']) {
      const el = screen.getByText(legend, { selector: 'legend' });
      expect(isMarked(el), legend).toBe(true);
    }
    const required = (name: RegExp) => (screen.getByRole('textbox', { name }) as HTMLTextAreaElement).required;
    expect(required(/Задача 1/)).toBe(true);
    expect(required(/Целевая группа 1/)).toBe(true);
    expect(required(/Название проекта/)).toBe(true);
  });

  it('the calendar plan’s dates are typed as 01.02.2027 and written as 2027-02-01', async () => {
    const app = applicationFixture({ tasks: ['Первая'], calendarPlan: [{ taskIndex: 0, title: 'Этап', startDate: '2099-02-01', endDate: null, expectedResult: '' }] });
    const calls = mockFetch((url, init) => (init.method === 'PATCH' ? { status: 200, body: { ...app, version: 2 } } : undefined));
    editorAt(2, app);
    const start = screen.getByRole('textbox', { name: /^Начало/ }) as HTMLInputElement;
    expect(start.value).toBe('01.02.2099');
    expect(start.type).not.toBe('date');
    const end = screen.getByRole('textbox', { name: /^Окончание/ }) as HTMLInputElement;
    fireEvent.focus(end);
    fireEvent.change(end, { target: { value: '15.03.2099' } });
    fireEvent.blur(end);
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1), { timeout: 3000 });
    expect((calls.find((c) => c.method === 'PATCH')!.body as { calendarPlan: { endDate: string }[] }).calendarPlan[0].endDate).toBe('2099-03-15');
  });
});

describe('the review step', () => {
  it('"Документы" is complete only when every required document is there, and "не обязательны" when none is asked and none given', () => {
    const required = { requiredAttachmentKinds: ['charter' as const] };
    expect(sectionsFilled(complete, required, [])[4]).toBe('missing');
    expect(sectionsFilled(complete, required, [{ kind: 'other' }])[4]).toBe('missing');
    expect(sectionsFilled(complete, required, [{ kind: 'charter' }])).toEqual(['filled', 'filled', 'filled', 'filled', 'filled']);
    expect(sectionsFilled(complete, { requiredAttachmentKinds: [] }, [])[4]).toBe('optional');
    // A section is complete by the submit's rule: an event without its title is not.
    const untitled = { ...complete, calendarPlan: [{ ...complete.calendarPlan[0], title: '' }] };
    expect(sectionsFilled(untitled, required, [{ kind: 'charter' }])[2]).toBe('missing');
  });

  it('names a problem where it points, without repeating its sentence', () => {
    expect(describePath('calendarPlan.0.title', ru)).toBe('Календарный план, п. 1: Мероприятие');
    expect(describePath('cofinancingKopecks', ru)).toBe('Итоги бюджета');
    expect(describePath('budget.1.cofinancingKopecks', ru)).toBe('Бюджет, п. 2: Софинансирование');
    expect(describePath('title', ru)).toBe('Название проекта');
  });

  it('checks with the server before asking the confirmation: problems listed, no dialog, no submit', async () => {
    const app = applicationFixture({ ...complete });
    const calls = mockFetch((url) => url.endsWith('/submit-check') ? { status: 422, body: {
      type: 'urn:konkurs:problem:rule-check-failed', title: 'Unprocessable', status: 422, code: 'rule-check-failed', params: { count: 1 },
      errors: [{ path: 'attachments.charter', code: 'attachment-required', params: { kind: 'charter' }, message: 'Приложите документ «Устав»' }],
    } } : undefined);
    editorAt(5, app, { ...competitionFixture, requiredAttachmentKinds: ['charter'] });
    expect(screen.getByText(/Документы —/).textContent).toMatch(/не заполнено/);
    fireEvent.click(screen.getByRole('button', { name: 'Подать заявку' }));
    const problems = await screen.findByRole('alert');
    expect(within(problems).getByText(/Приложите документ «Устав»/)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.filter((c) => c.url.endsWith('/submit'))).toEqual([]);
  });

  it('asks the confirmation once the check passes, then submits', async () => {
    const app = applicationFixture({ ...complete });
    const calls = mockFetch((url, init) => {
      if (url.endsWith('/submit-check')) return { status: 204 };
      if (url.endsWith('/submit') && init.method === 'POST') return { status: 200, body: { id: app.id, status: 'submitted', submittedAt: '2099-01-01T00:00:00Z', version: 2 } };
      return undefined;
    });
    editorAt(5, app);
    fireEvent.click(screen.getByRole('button', { name: 'Подать заявку' }));
    const dialog = await screen.findByRole('dialog', { name: 'Подать заявку?' });
    expect(calls.some((c) => c.url.endsWith('/submit'))).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Подать заявку' }));
    await waitFor(() => expect(calls.filter((c) => c.url.endsWith('/submit') && c.method === 'POST')).toHaveLength(1));
  });
});
