import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Link, RouterProvider, createMemoryRouter } from 'react-router';
import type { Review } from '@konkurs/shared';
import { ApiError } from '../src/api/client';
import { closedReason } from '../src/pages/expert/closed';
import { ScoringForm, reviewBackupKey, type ScoringCriterion } from '../src/pages/expert/scoring-form';
import { createQueryClient, Providers } from '../src/providers';
import { renderScreen } from './render';

// The worked example of PRODUCT.md: weights 2, 1, 1, each 0..10; K2 asks for a comment.
const criteria: ScoringCriterion[] = [
  { code: 'K1', title: 'Актуальность', description: 'Насколько проект нужен людям', weight: 2, maxScore: 10, commentRequired: false },
  { code: 'K2', title: 'Реализуемость', description: '', weight: 1, maxScore: 10, commentRequired: true },
  { code: 'K3', title: 'Бюджет', description: '', weight: 1, maxScore: 10, commentRequired: false },
];
const emptyReview: Review = {
  id: null, assignmentId: '00000000-0000-4000-8000-0000000000c1', status: 'draft', version: 0,
  scores: criteria.map((c) => ({ criterionCode: c.code, score: null, comment: '' })), comment: '', total: null, submittedAt: null,
};

const scoreInput = (i: number) => screen.getAllByLabelText(/^Балл \(0–10\)/)[i] as HTMLInputElement;
const commentInput = (i: number) => screen.getAllByLabelText(/^Комментарий/, { selector: 'textarea' })[i] as HTMLTextAreaElement;
const total = () => screen.getByTestId('live-total').textContent;
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });


function setup(overrides: Partial<Parameters<typeof ScoringForm>[0]> = {}) {
  const saveDraft = vi.fn(async (input: { version?: number; scores: Review['scores']; comment: string }) => ({ ...emptyReview, id: 'r1', version: (input.version ?? 0) + 1, scores: input.scores, comment: input.comment }));
  const submit = vi.fn(async () => ({ total: 72.5 }));
  const onSubmitted = vi.fn();
  const { unmount } = renderScreen(<ScoringForm criteria={criteria} review={emptyReview} saveDraft={saveDraft} submit={submit} onSubmitted={onSubmitted} {...overrides} />);
  return { saveDraft, submit, onSubmitted, unmount };
}

describe('scoring form', () => {
  it('shows the total on the 100-point scale live, as the server computes it', () => {
    setup();
    expect(total()).toBe('0,00');
    type(scoreInput(0), '8');
    expect(total()).toBe('40,00'); // 100 × 16 / 40
    type(scoreInput(1), '6');
    type(scoreInput(2), '7');
    expect(total()).toBe('72,50'); // expert A of the worked example
    type(scoreInput(0), '9');
    type(scoreInput(1), '9');
    type(scoreInput(2), '5');
    expect(total()).toBe('80,00'); // expert B
    expect(screen.getByText('Оценено критериев: 3 из 3')).toBeTruthy();
  });

  it('marks required comments and will not submit without them', async () => {
    const { submit, saveDraft } = setup();
    // The criterion that asks for a comment says so before anything is typed.
    expect(commentInput(1).required).toBe(true);
    expect(commentInput(0).required).toBe(false);
    type(scoreInput(0), '8');
    type(scoreInput(1), '6');
    type(scoreInput(2), '7');
    fireEvent.click(screen.getByRole('button', { name: 'Отправить оценку' }));
    await waitFor(() => expect(commentInput(1).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Комментарий обязателен')).toBeTruthy(); // the badge
    expect(screen.getByText('Для этого критерия нужен комментарий')).toBeTruthy(); // the field's error, the server's words for the code
    expect(commentInput(0).getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.queryByRole('dialog')).toBeNull();
    // What was typed is autosaved as a draft all the same; nothing is submitted.
    expect(submit).not.toHaveBeenCalled();
    expect(saveDraft.mock.calls.every(([input]) => input.scores[1].comment === '')).toBe(true);
  });

  it('asks for a score on every criterion before submitting', async () => {
    setup();
    type(scoreInput(0), '8');
    fireEvent.click(screen.getByRole('button', { name: 'Отправить оценку' }));
    await waitFor(() => expect(scoreInput(1).getAttribute('aria-invalid')).toBe('true'));
    expect(scoreInput(2).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Поставьте оценку')).toHaveLength(2);
  });

  it('confirms in a dialog showing the total, saves the draft first, then submits', async () => {
    const { submit, saveDraft, onSubmitted } = setup();
    type(scoreInput(0), '8');
    type(scoreInput(1), '6');
    type(commentInput(1), 'План реалистичен');
    type(scoreInput(2), '7');
    fireEvent.click(screen.getByRole('button', { name: 'Отправить оценку' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('confirm-total').textContent).toBe('72,50');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Отправить оценку' }));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(72.5));
    expect(saveDraft).toHaveBeenCalledTimes(1);
    expect(saveDraft.mock.calls[0][0]).toEqual({
      version: undefined,
      scores: [
        { criterionCode: 'K1', score: 8, comment: '' },
        { criterionCode: 'K2', score: 6, comment: 'План реалистичен' },
        { criterionCode: 'K3', score: 7, comment: '' },
      ],
      comment: '',
    });
    expect(submit).toHaveBeenCalledTimes(1);
  });

  const errorOf = (el: HTMLElement) => document.getElementById(el.getAttribute('aria-describedby')!.split(' ').find((id) => id.includes('error'))!)?.textContent;
  async function submitWith(problem: ApiError) {
    setup({ submit: vi.fn(async () => { throw problem; }) });
    type(scoreInput(0), '8');
    type(scoreInput(1), '6');
    type(commentInput(1), 'Да');
    type(scoreInput(2), '7');
    fireEvent.click(screen.getByRole('button', { name: 'Отправить оценку' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Отправить оценку' }));
  }

  it('puts the server’s 422 problems at the fields they name, in Russian by their code', async () => {
    // The server's sentence is English here on purpose: the screen reads the code, not the words.
    await submitWith(new ApiError(422, { title: 'Unprocessable', code: 'rule-check-failed', detail: 'The review is not complete',
      errors: [{ path: 'scores.K3.comment', code: 'comment-required', message: 'A comment is required for this criterion' }] }));
    await waitFor(() => expect(commentInput(2).getAttribute('aria-invalid')).toBe('true'));
    expect(errorOf(commentInput(2))).toBe('Для этого критерия нужен комментарий');
  });

  it('a field code the SPA does not know shows the server’s own message', async () => {
    await submitWith(new ApiError(422, { title: 'Unprocessable', code: 'rule-check-failed',
      errors: [{ path: 'scores.K1.score', code: 'some-future-rule', message: 'Оценка вне новой шкалы' }] }));
    await waitFor(() => expect(scoreInput(0).getAttribute('aria-invalid')).toBe('true'));
    expect(errorOf(scoreInput(0))).toBe('Оценка вне новой шкалы');
  });

  it('a stale version (412) shows the banner instead of overwriting', async () => {
    const saveDraft = vi.fn(async () => { throw new ApiError(412, { title: 'Precondition Failed' }); });
    setup({ saveDraft, review: { ...emptyReview, id: 'r1', version: 3 }, onReload: async () => undefined });
    type(scoreInput(0), '5');
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить черновик' }));
    await screen.findByText('Оценка изменена в другом окне');
    expect(saveDraft).toHaveBeenCalledWith(expect.objectContaining({ version: 3 }));
    expect(screen.getByRole('button', { name: 'Загрузить новую версию' })).toBeTruthy();
  });

  it('a submitted review is shown, not editable', () => {
    setup({ review: { ...emptyReview, id: 'r1', status: 'submitted', version: 2, total: 72.5, scores: [
      { criterionCode: 'K1', score: 8, comment: '' }, { criterionCode: 'K2', score: 6, comment: 'ok' }, { criterionCode: 'K3', score: 7, comment: '' },
    ] } });
    expect(screen.getByText('Оценка отправлена')).toBeTruthy();
    expect(scoreInput(0).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Отправить оценку' })).toBeNull();
    expect(total()).toBe('72,50');
  });
});

describe('scoring form: nothing typed is lost', () => {
  const status = () => screen.getByTestId('save-status').textContent ?? '';
  const overall = () => screen.getByLabelText('Общий комментарий эксперта') as HTMLTextAreaElement;
  const key = reviewBackupKey(emptyReview.assignmentId);

  it('autosaves a comment a moment after typing stops, versioned, and says when', async () => {
    const { saveDraft } = setup({ autosaveDelayMs: 100 });
    expect(status()).toMatch(/Сохранено/);
    type(overall(), 'Сильная команда');
    expect(status()).toBe('Не сохранено');
    expect(JSON.parse(localStorage.getItem(key)!).fields.comment).toBe('Сильная команда'); // the local copy, at once
    await waitFor(() => expect(status()).toMatch(/^✓ Сохранено в \d{2}:\d{2}$/));
    expect(saveDraft).toHaveBeenCalledTimes(1);
    expect(saveDraft.mock.calls[0][0]).toMatchObject({ version: undefined, comment: 'Сильная команда' });
    expect(localStorage.getItem(key)).toBeNull(); // the server has it
    // The next save is based on the version the server gave back.
    type(commentInput(1), 'План реалистичен');
    await waitFor(() => expect(saveDraft).toHaveBeenCalledTimes(2));
    expect(saveDraft.mock.calls[1][0]).toMatchObject({ version: 1, comment: 'Сильная команда' });
    expect(saveDraft.mock.calls[1][0].scores[1].comment).toBe('План реалистичен');
  });

  it('a reload before the save reached the server offers the local copy back', async () => {
    // The network is down: the save fails and is retried later.
    const offline = vi.fn(async () => { throw new ApiError(0, { title: 'Failed to fetch' }); });
    const first = setup({ saveDraft: offline, autosaveDelayMs: 50 });
    type(scoreInput(0), '7');
    type(overall(), 'Набрано до перезагрузки');
    await waitFor(() => expect(status()).toMatch(/нет связи/));
    expect(first.submit).not.toHaveBeenCalled();
    first.unmount(); // the tab closes; its last attempt fails too

    // The page again, the server's review still blank.
    const { saveDraft } = setup({ autosaveDelayMs: 50 });
    expect(screen.getByText('Найдены несохранённые изменения')).toBeTruthy();
    expect(screen.getByText(/Не сохранены: баллы и комментарии по критериям, общий комментарий/)).toBeTruthy();
    expect(overall().value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Применить мои изменения' }));
    expect(overall().value).toBe('Набрано до перезагрузки');
    expect(scoreInput(0).value).toBe('7');
    expect(total()).toBe('35,00');
    await waitFor(() => expect(saveDraft).toHaveBeenCalledTimes(1));
    expect(saveDraft.mock.calls[0][0]).toMatchObject({ comment: 'Набрано до перезагрузки' });
    expect(saveDraft.mock.calls[0][0].scores[0].score).toBe(7);
  });

  it('a local copy the server already holds is not offered', () => {
    localStorage.setItem(key, JSON.stringify({ baseVersion: 2, fields: { comment: 'Уже на сервере' } }));
    setup({ review: { ...emptyReview, id: 'r1', version: 2, comment: 'Уже на сервере' } });
    expect(screen.queryByText('Найдены несохранённые изменения')).toBeNull();
    expect(localStorage.getItem(key)).toBeNull();
  });

  it('a 412 stops saving and keeps the typing; the newer version loads and the edits go on top of it', async () => {
    let serverVersion = 5;
    const saveDraft = vi.fn(async (input: { version?: number; scores: Review['scores']; comment: string }) => {
      if (input.version !== serverVersion) throw new ApiError(412, { title: 'Precondition Failed', code: 'stale-version' });
      serverVersion += 1;
      return { ...emptyReview, id: 'r1', version: serverVersion, scores: input.scores, comment: input.comment };
    });
    const fresh: Review = { ...emptyReview, id: 'r1', version: 5, comment: 'Из другого окна' };
    setup({ saveDraft, review: { ...emptyReview, id: 'r1', version: 3 }, onReload: async () => fresh, autosaveDelayMs: 50 });
    type(overall(), 'Моё');
    const banner = await screen.findByRole('alert', { name: 'Оценка изменена в другом окне' });
    expect(banner.textContent).toMatch(/не потеряны/);
    expect(status()).toBe('Не сохранено — есть более новая версия');
    // No further saves while in conflict; typing goes on, into the local copy.
    type(overall(), 'Моё!');
    await new Promise((r) => setTimeout(r, 200));
    expect(saveDraft).toHaveBeenCalledTimes(1);
    expect(JSON.parse(localStorage.getItem(key)!).fields.comment).toBe('Моё!');

    fireEvent.click(within(banner).getByRole('button', { name: 'Загрузить новую версию' }));
    await waitFor(() => expect(overall().value).toBe('Из другого окна'));
    expect(screen.getByText('Ваши несохранённые изменения')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Применить мои изменения' }));
    expect(overall().value).toBe('Моё!');
    await waitFor(() => expect(status()).toMatch(/Сохранено в/));
    expect(saveDraft.mock.calls.at(-1)![0]).toMatchObject({ version: 5, comment: 'Моё!' });
    expect(localStorage.getItem(key)).toBeNull();
  });

  it('a score the server refuses (400) is shown at its field', async () => {
    const saveDraft = vi.fn(async () => {
      throw new ApiError(400, { title: 'Bad Request', code: 'validation-failed', errors: [{ path: 'scores.2.score', code: 'score-out-of-range', params: { max: 10 }, message: 'Score out of range' }] });
    });
    setup({ saveDraft, autosaveDelayMs: 50 });
    type(scoreInput(2), '7');
    await waitFor(() => expect(scoreInput(2).getAttribute('aria-invalid')).toBe('true'));
    expect(status()).toMatch(/^Сервер не принял оценку: /);
  });

  it('warns before closing the tab while something is unsaved, not after it is saved', async () => {
    setup({ autosaveDelayMs: 100 });
    const leave = () => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(leave()).toBe(false);
    type(overall(), 'Черновик');
    expect(leave()).toBe(true);
    await waitFor(() => expect(status()).toMatch(/Сохранено в/));
    expect(leave()).toBe(false);
  });

  it('asks before leaving by an in-app link while something is unsaved', async () => {
    const saveDraft = vi.fn(async () => { throw new ApiError(0, { title: 'Failed to fetch' }); });
    const router = createMemoryRouter([
      { path: '/expert/assignments/a1', element: <><Link to="/expert">К списку</Link><ScoringForm criteria={criteria} review={emptyReview} saveDraft={saveDraft} submit={vi.fn()} autosaveDelayMs={50} /></> },
      { path: '/expert', element: <p>Очередь</p> },
    ], { initialEntries: ['/expert/assignments/a1'] });
    render(<Providers client={createQueryClient()} lang="ru"><RouterProvider router={router} /></Providers>);
    type(overall(), 'Не уходи');
    await waitFor(() => expect(status()).toMatch(/нет связи/));
    fireEvent.click(screen.getByRole('link', { name: 'К списку' }));
    const dialog = await screen.findByRole('dialog', { name: 'Уйти со страницы?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Остаться' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.pathname).toBe('/expert/assignments/a1');
    expect(overall().value).toBe('Не уходи');
    fireEvent.click(screen.getByRole('link', { name: 'К списку' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Уйти со страницы?' })).getByRole('button', { name: 'Уйти' }));
    await screen.findByText('Очередь');
    // What was typed stays on this device.
    expect(JSON.parse(localStorage.getItem(key)!).fields.comment).toBe('Не уходи');
  });
});

describe('scoring form: a review that can no longer be given', () => {
  it('after the decision an open assignment is closed, with its reason', () => {
    expect(closedReason({ status: 'assigned' }, 'decided', 'not_supported')).toBe('decided');
    expect(closedReason({ status: 'assigned' }, 'published')).toBe('decided');
    expect(closedReason({ status: 'assigned' }, 'open')).toBe('not-in-review');
    expect(closedReason({ status: 'assigned' }, 'review', 'withdrawn')).toBe('application-left');
    expect(closedReason({ status: 'assigned' }, 'review', 'under_review')).toBeNull();
    expect(closedReason({ status: 'submitted' }, 'published')).toBeNull(); // its own state: "Оценка отправлена"
  });

  it('is shown, not editable, and says why', () => {
    const { saveDraft } = setup({ readOnly: true, closedText: 'Итоги конкурса подведены — оценка больше не принимается' });
    expect(screen.getByText('Экспертиза по этой заявке закрыта')).toBeTruthy();
    expect(screen.getByText('Итоги конкурса подведены — оценка больше не принимается')).toBeTruthy();
    expect(scoreInput(0).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Отправить оценку' })).toBeNull();
    expect(screen.queryByTestId('save-status')).toBeNull();
    expect(saveDraft).not.toHaveBeenCalled();
  });
});
