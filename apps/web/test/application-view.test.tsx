import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { ApplicationPage } from '../src/pages/applicant/application-page';
import { applicationFixture, competitionFixture } from './fixtures';
import { mockFetch, renderScreen } from './render';

function renderPage(app: ReturnType<typeof applicationFixture>, extra: (url: string, method: string) => { status: number; body?: unknown } | undefined = () => undefined) {
  const calls = mockFetch((url, init) => {
    const answer = extra(url, init.method!);
    if (answer) return answer;
    if (url.endsWith(`/applications/${app.id}`)) return { status: 200, body: app };
    if (url.endsWith(`/competitions/${competitionFixture.id}`)) return { status: 200, body: { ...competitionFixture, status: 'published' } };
    return undefined;
  });
  renderScreen(<Routes><Route path="/applicant/applications/:id" element={<ApplicationPage />} /></Routes>, { route: `/applicant/applications/${app.id}` });
  return calls;
}

describe('applicant: a submitted application', () => {
  it('after publication shows the scores and comments per criterion from "Эксперт 1/2"', async () => {
    const app = applicationFixture({ status: 'winner', title: 'Соседский центр', submittedAt: '2027-01-10T09:00:00Z', awardedKopecks: 45_000_000, finalScore: 76.25 });
    renderPage(app, (url) => url.endsWith(`/applications/${app.id}/results`) ? { status: 200, body: {
      finalScore: 76.25, rank: 1, status: 'winner', awardedKopecks: 45_000_000,
      reviews: [
        { expert: 'Expert 1', total: 72.5, comment: 'Сильная команда', scores: [{ criterionCode: 'K1', score: 8, comment: 'Актуально' }, { criterionCode: 'K2', score: 6, comment: '' }] },
        { expert: 'Expert 2', total: 80, comment: '', scores: [{ criterionCode: 'K1', score: 9, comment: 'Очень актуально' }] },
      ],
    } } : undefined);
    const first = await screen.findByRole('region', { name: 'Эксперт 1' }, { timeout: 5000 });
    expect(within(first).getByText('Оценка эксперта: 72,50')).toBeTruthy();
    expect(within(first).getByText('K1. Актуальность и социальная значимость проекта')).toBeTruthy();
    expect(within(first).getByText('Актуально')).toBeTruthy();
    expect(within(first).getByText(/Сильная команда/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Эксперт 2' })).getByText('Очень актуально')).toBeTruthy();
    expect(screen.getByText('76,25')).toBeTruthy();
    expect(screen.getAllByText('Победитель').length).toBeGreaterThan(0);
  });

  it('withdraws only after confirmation', async () => {
    const app = applicationFixture({ status: 'submitted', title: 'Соседский центр', submittedAt: '2027-01-10T09:00:00Z' });
    const calls = renderPage(app, (url, method) => method === 'POST' && url.endsWith('/withdraw') ? { status: 200, body: { ...app, status: 'withdrawn' } } : undefined);
    fireEvent.click(await screen.findByRole('button', { name: 'Отозвать заявку' }));
    const dialog = await screen.findByRole('dialog', { name: 'Отозвать заявку?' });
    expect(calls.some((c) => c.url.endsWith('/withdraw'))).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Отозвать заявку' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST' && c.url.endsWith(`/applications/${app.id}/withdraw`))).toHaveLength(1));
  });
});
