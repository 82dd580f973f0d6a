import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { COMPETITION_FIELDS, COMPETITION_STATUSES, isEditable, type CompetitionField } from '@konkurs/shared';
import { dictionaries } from '../src/i18n';
import { tokenStore } from '../src/auth/token';
import { CompetitionEditor } from '../src/pages/organiser/competition-editor';
import { CompetitionWorkspace } from '../src/pages/organiser/competition-workspace';
import { competitionFixture } from './fixtures';
import { mockFetch, renderScreen } from './render';

const t = dictionaries.ru.organiser.editor;
/** The control of each setting, found as a user finds it: by its label (the criteria by their first row). */
const LABEL: Record<CompetitionField, string> = {
  code: t.code, title: t.title, description: t.description, directionCodes: t.directions, regionCodes: t.regions,
  opensAt: t.opensAt, closesAt: t.closesAt, timezone: t.timezone, budgetKopecks: t.budget, minGrantKopecks: t.minGrant,
  maxGrantKopecks: t.maxGrant, maxProjectMonths: t.months, minCofinancingPercent: t.cofinancing, reviewersPerApplication: t.reviewers,
  divergenceThreshold: t.divergence, passMark: t.passMark, oneWinPerOrganization: t.oneWin,
  maxApplicationsPerOrganization: t.maxApplications, requiredAttachmentKinds: t.attachments, criteria: `${t.criterionCode} 1`,
};
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A required field's label ends in Mantine's asterisk.
const control = (field: CompetitionField) =>
  screen.getByLabelText(new RegExp(`^${escaped(LABEL[field])}\\s*\\*?$`), { selector: 'input, textarea' }) as HTMLInputElement;

describe('competition editor: enabled exactly where the server accepts a change', () => {
  for (const status of COMPETITION_STATUSES) {
    it(`${status}: the editable fields of shared's EDITABLE_FIELDS, and no other`, () => {
      mockFetch(() => undefined);
      renderScreen(<CompetitionEditor competition={{ ...competitionFixture, status }} />);
      const enabled = COMPETITION_FIELDS.filter((f) => !control(f).disabled);
      expect(enabled).toEqual(COMPETITION_FIELDS.filter((f) => isEditable(status, f)));
      // Nothing to change, nothing to save.
      expect(screen.queryByRole('button', { name: t.save }) === null).toBe(status === 'archived');
    });
  }

  it('a new competition has every field open', () => {
    mockFetch(() => undefined);
    renderScreen(<CompetitionEditor />);
    expect(COMPETITION_FIELDS.filter((f) => control(f).disabled)).toEqual([]);
  });

  it('refuses before sending what the server would refuse, in the server’s Russian words', async () => {
    const calls = mockFetch(() => undefined);
    renderScreen(<CompetitionEditor />);
    fireEvent.change(control('code'), { target: { value: 'klg-2027' } });
    fireEvent.change(control('maxGrantKopecks'), { target: { value: '20000000' } }); // over the 10 000 000 ₽ budget
    fireEvent.change(screen.getByLabelText(`${t.criterionCode} 2`), { target: { value: 'K1' } });
    fireEvent.click(screen.getByRole('button', { name: t.create }));
    await waitFor(() => expect(control('code').getAttribute('aria-invalid')).toBe('true'));
    const errorOf = (el: HTMLElement) => document.getElementById(el.getAttribute('aria-describedby')!.split(' ').find((id) => id.includes('error'))!)?.textContent;
    expect(errorOf(control('code'))).toBe('Только заглавные латинские буквы, цифры и дефис; первый знак — буква или цифра');
    expect(calls).toHaveLength(0);
    // The cross-field rules run once every field is well formed: the server's, on the body the form would send.
    fireEvent.change(control('code'), { target: { value: 'KLG-2027' } });
    fireEvent.change(control('title'), { target: { value: 'Губернаторский конкурс' } });
    fireEvent.click(screen.getByRole('button', { name: t.create }));
    await waitFor(() => expect(errorOf(control('maxGrantKopecks'))).toMatch(/^Не больше бюджета конкурса \(10\s000\s000,00\s₽\)$/));
    expect(errorOf(screen.getByLabelText(`${t.criterionCode} 2`))).toBe('Критерий с кодом K1 уже есть');
    expect(calls).toHaveLength(0);
  });
});

describe('competition editor: the window typed as Russians write it, in the competition’s zone', () => {
  const part = (label: string, word: 'дата' | 'время') => screen.getByRole('textbox', { name: `${label}: ${word}` }) as HTMLInputElement;

  it('shows 01.02.2027 and a 24-hour 18:00 on the competition’s wall clock, no browser-locale input', () => {
    mockFetch(() => undefined);
    renderScreen(<CompetitionEditor competition={{ ...competitionFixture, status: 'draft', opensAt: '2027-01-10T06:00:00.000Z', closesAt: '2027-02-01T11:00:00.000Z', timezone: 'Asia/Yekaterinburg' }} />);
    expect(document.querySelector('input[type="datetime-local"], input[type="date"], input[type="time"]')).toBeNull();
    expect(part(t.opensAt, 'дата').value).toBe('10.01.2027');
    expect(part(t.opensAt, 'время').value).toBe('11:00'); // 06:00 UTC in Yekaterinburg (+5)
    expect(part(t.closesAt, 'дата').value).toBe('01.02.2027');
    expect(part(t.closesAt, 'время').value).toBe('16:00');
  });

  it('what is typed is sent as the instant of that wall clock in the competition’s zone', async () => {
    const calls = mockFetch((url, init) => (init.method === 'PATCH' ? { status: 200, body: { ...competitionFixture, status: 'draft', version: 2 } } : undefined));
    renderScreen(<CompetitionEditor competition={{ ...competitionFixture, status: 'draft' }} />);
    fireEvent.change(part(t.closesAt, 'дата'), { target: { value: '15.03.2099' } });
    fireEvent.blur(part(t.closesAt, 'дата'));
    fireEvent.change(part(t.closesAt, 'время'), { target: { value: '18:30' } });
    expect(screen.getByText('15.03.2099 18:30 мск')).toBeTruthy(); // the preview, as the platform will show it
    fireEvent.click(screen.getByRole('button', { name: t.save }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ version: 1, closesAt: '2099-03-15T15:30:00.000Z' });
  });

  it('an edit sends what changed (react-hook-form tracks it only when read while rendering)', async () => {
    const calls = mockFetch((url, init) => (init.method === 'PATCH' ? { status: 200, body: { ...competitionFixture, status: 'draft', version: 2 } } : undefined));
    renderScreen(<CompetitionEditor competition={{ ...competitionFixture, status: 'draft' }} />);
    fireEvent.change(control('title'), { target: { value: 'Новое название' } });
    fireEvent.click(screen.getByRole('button', { name: t.save }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ version: 1, title: 'Новое название' });
  });

  it('an impossible time is marked at once', () => {
    mockFetch(() => undefined);
    renderScreen(<CompetitionEditor competition={{ ...competitionFixture, status: 'draft' }} />);
    fireEvent.change(part(t.opensAt, 'время'), { target: { value: '25:00' } });
    expect(part(t.opensAt, 'время').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('competition workspace: the review starts after applications close', () => {
  const organiser = { id: '00000000-0000-4000-8000-0000000000e1', email: 'org@konkurs.demo', fullName: 'Организатор', role: 'organiser', operatorId: competitionFixture.operatorId };
  function open(closesAt: string) {
    tokenStore.set('token');
    const c = { ...competitionFixture, status: 'open' as const, closesAt };
    mockFetch((url) => {
      if (url.endsWith('/auth/me')) return { status: 200, body: organiser };
      if (url.endsWith(`/competitions/${c.id}`)) return { status: 200, body: c };
      return undefined;
    });
    renderScreen(<Routes><Route path="/organiser/competitions/:id/*" element={<CompetitionWorkspace />} /></Routes>, { route: `/organiser/competitions/${c.id}/screening` });
  }
  const lifecycle = dictionaries.ru.organiser.lifecycle;

  it('while applications are accepted the button is disabled, with the closing time in the competition’s zone', async () => {
    open('2099-02-01T15:00:00.000Z');
    const button = (await screen.findByRole('button', { name: lifecycle.startReview })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const note = screen.getByTestId('accepting-until');
    expect(note.textContent).toBe('Приём заявок до 01.02.2099 18:00 мск. Экспертизу можно начать после окончания приёма заявок');
    expect(button.getAttribute('aria-describedby')).toBe(note.id);
    tokenStore.set(null);
  });

  it('once closesAt has passed it is enabled and asks for confirmation', async () => {
    open('2020-02-01T15:00:00.000Z');
    const button = (await screen.findByRole('button', { name: lifecycle.startReview })) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    expect(screen.queryByTestId('accepting-until')).toBeNull();
    fireEvent.click(button);
    expect(within(await screen.findByRole('dialog')).getByText(lifecycle.startReviewConfirm)).toBeTruthy();
    tokenStore.set(null);
  });
});
