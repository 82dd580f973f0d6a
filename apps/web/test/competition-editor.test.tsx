import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { COMPETITION_FIELDS, COMPETITION_STATUSES, isEditable, type CompetitionField } from '@konkurs/shared';
import { dictionaries } from '../src/i18n';
import { CompetitionEditor } from '../src/pages/organiser/competition-editor';
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
