import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { AwardProposal, RankingRow } from '@konkurs/shared';
import { AwardProposalView, WaitingForReviews } from '../src/pages/organiser/awards';
import { renderScreen } from './render';

// The worked example of PRODUCT.md, mode `skip`: budget 1 000 000,00 ₽, pass mark 66.
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const row = (n: number, rank: number, org: string, score: number, requestedKopecks: number): RankingRow => ({
  rank, applicationId: id(n), number: `P${n}`, title: `Проект ${n}`, organization: org, organizationId: id(n), finalScore: score, normalizedScore: score,
  reviews: [], divergent: false, extraExpert: null, waiting: false, status: 'reviewed', requestedKopecks, submittedAt: '2027-01-01T10:00:00Z',
});
const rows = [row(1, 1, 'X', 76.25, 60_000_000), row(2, 2, 'X', 74, 20_000_000), row(3, 3, 'Y', 70.1, 50_000_000), row(5, 4, 'W', 68, 15_000_000), row(4, 5, 'Z', 65, 30_000_000)];
const proposal: AwardProposal = {
  budgetKopecks: 100_000_000, allocatedKopecks: 75_000_000, remainingKopecks: 25_000_000,
  awards: [{ applicationId: id(1), rank: 1, amountKopecks: 60_000_000 }, { applicationId: id(5), rank: 4, amountKopecks: 15_000_000 }], waiting: [],
};
const text = (testId: string) => screen.getByTestId(testId).textContent?.replace(/\u00a0/g, ' ');

describe('award proposal', () => {
  it('shows the budget, what is allocated and what remains, as figures and as a bar', () => {
    renderScreen(<AwardProposalView proposal={proposal} rows={rows} overrides={new Map()} passMark={66} />);
    expect(text('budget')).toBe('1 000 000,00 ₽');
    expect(text('allocated')).toBe('750 000,00 ₽');
    expect(text('remaining')).toBe('250 000,00 ₽');
    const bar = screen.getByRole('progressbar', { name: /Распределено 75,0 % фонда/ });
    expect(bar.getAttribute('aria-valuenow')).toBe('75');
    expect(screen.getByTestId('winners-count').textContent).toBe('2 гранта');
    expect(screen.getByText('Проходной балл: 66,00')).toBeTruthy();
  });

  it('lists the proposed amounts and passes over the rest', () => {
    renderScreen(<AwardProposalView proposal={proposal} rows={rows} overrides={new Map()} passMark={66} />);
    expect(screen.getAllByText('Не проходит')).toHaveLength(3); // P2 (X has won), P3 (does not fit), P4 (under the pass mark)
    const cells = screen.getAllByRole('row').map((r) => r.textContent?.replace(/\u00a0/g, ' '));
    expect(cells.find((c) => c?.startsWith('1P1'))).toMatch(/600 000,00 ₽600 000,00 ₽$/);
    expect(cells.find((c) => c?.startsWith('4P5'))).toMatch(/150 000,00 ₽150 000,00 ₽$/);
  });

  it('takes a lower amount and refuses a higher one', async () => {
    const onOverride = vi.fn();
    renderScreen(<AwardProposalView proposal={proposal} rows={rows} overrides={new Map()} onOverride={onOverride} passMark={66} />);
    const p1 = screen.getByLabelText('Размер гранта по заявке P1, ₽') as HTMLInputElement;
    expect(p1.value).toBe('600 000,00');
    expect((screen.getByLabelText('Размер гранта по заявке P5, ₽') as HTMLInputElement).value).toBe('150 000,00');
    fireEvent.change(p1, { target: { value: '700000' } });
    fireEvent.blur(p1);
    await screen.findByText('Размер гранта можно только уменьшить');
    expect(onOverride).not.toHaveBeenCalled();
    fireEvent.change(p1, { target: { value: '500000' } });
    fireEvent.blur(p1);
    await waitFor(() => expect(onOverride).toHaveBeenCalledWith(id(1), 50_000_000));
  });

  it('names the applications still waiting for a review, and leaves them out of the proposal table', () => {
    const pending: RankingRow = { ...row(6, 0, 'V', 0, 10_000_000), rank: null, finalScore: null, waiting: true, divergent: true, extraExpert: 'assigned', status: 'under_review' };
    const waiting = [{ applicationId: pending.applicationId, number: 'P6', title: 'Проект 6' }];
    renderScreen(<><WaitingForReviews waiting={waiting} /><AwardProposalView proposal={{ ...proposal, waiting }} rows={[...rows, pending]} overrides={new Map()} passMark={66} /></>);
    const alert = screen.getByTestId('awards-waiting');
    expect(alert.textContent).toContain('Утвердить решение пока нельзя: экспертиза не завершена');
    expect(alert.textContent).toContain('Ещё не оценена 1 заявка');
    expect(screen.getByRole('list', { name: 'Заявки, ожидающие оценки' }).textContent).toBe('P6 — Проект 6');
    const table = screen.getByRole('table', { name: 'Предлагаемые гранты' });
    expect(table.textContent).not.toContain('P6');
  });

  it('says nothing about waiting when every review is in', () => {
    const { container } = renderScreen(<WaitingForReviews waiting={[]} />);
    expect(container.querySelector('[data-testid="awards-waiting"]')).toBeNull();
  });
});
