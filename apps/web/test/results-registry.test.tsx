import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { ResultsPage } from '../src/pages/public/results';
import { competitionFixture } from './fixtures';
import { mockFetch, renderScreen } from './render';

const item = (n: number, organization: string, regionCode: string, directionCode: string, amountKopecks: number) => ({
  applicationId: `00000000-0000-4000-8000-00000000000${n}`, number: `KLG-2027-00000${n}`, title: `Проект ${n}`, organization,
  inn: `40000000${n}0`, regionCode, directionCode, amountKopecks, finalScore: 70 + n / 4,
});

function render(results: { status: number; body?: unknown }) {
  mockFetch((url) => {
    if (url.endsWith(`/public/competitions/${competitionFixture.id}/results`)) return results;
    if (url.endsWith(`/competitions/${competitionFixture.id}`)) return { status: 200, body: { ...competitionFixture, status: 'published' } };
    return undefined;
  });
  renderScreen(<Routes><Route path="/competitions/:id/results" element={<ResultsPage />} /></Routes>, { route: `/competitions/${competitionFixture.id}/results` });
}

describe('public winners registry', () => {
  it('lists the winners with amounts and scores, and narrows by search and region', async () => {
    render({ status: 200, body: { items: [
      item(1, 'АНО «Калужские соседи»', '40', 'family', 60_000_000),
      item(2, 'Фонд «Вместе»', '40', 'youth', 50_000_000),
      item(3, 'АНО «Рязанский дом»', '62', 'culture', 15_000_000),
    ] } });
    await screen.findByText('АНО «Калужские соседи»');
    const rows = () => within(screen.getByRole('table')).getAllByRole('row').length - 1;
    expect(rows()).toBe(3);
    expect(screen.getByText(/3 победителя/).textContent?.replace(/\u00a0/g, ' ')).toMatch(/1 250 000,00 ₽/);
    expect(screen.getByText('70,25')).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: /Поиск/ }), { target: { value: 'вместе' } });
    expect(rows()).toBe(1);
    expect(screen.getByText('Фонд «Вместе»')).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: /Поиск/ }), { target: { value: '4000000030' } });
    expect(rows()).toBe(1);
    expect(screen.getByText('АНО «Рязанский дом»')).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: /Поиск/ }), { target: { value: 'нет такого' } });
    expect(screen.getByText('Ничего не найдено')).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: /Поиск/ }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('textbox', { name: 'Регион' }));
    fireEvent.click(await screen.findByRole('option', { name: '40 — Калужская область', hidden: true }));
    expect(rows()).toBe(2);
    expect(screen.queryByText('АНО «Рязанский дом»')).toBeNull();
  });

  it('before publication (404) says the results are not published yet', async () => {
    render({ status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404 } });
    expect(await screen.findByText('Итоги этого конкурса ещё не опубликованы')).toBeTruthy();
  });
});
