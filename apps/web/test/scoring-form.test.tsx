import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Review } from '@konkurs/shared';
import { ApiError } from '../src/api/client';
import { ScoringForm, type ScoringCriterion } from '../src/pages/expert/scoring-form';
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
  renderScreen(<ScoringForm criteria={criteria} review={emptyReview} saveDraft={saveDraft} submit={submit} onSubmitted={onSubmitted} {...overrides} />);
  return { saveDraft, submit, onSubmitted };
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
    expect(submit).not.toHaveBeenCalled();
    expect(saveDraft).not.toHaveBeenCalled();
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
