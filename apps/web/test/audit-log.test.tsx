// The audit log reads as sentences: every action the API records has its words in Russian and English, and so
// does every field its before/after carries; the page shows names, numbers, roubles and dates, never ids or kopecks.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  APPLICATION_MOVES, ASSIGNMENT_MOVES, COMPETITION_MOVES, REPORT_MOVES, REVIEW_MOVES, awardBody, awardProposal, createCompetitionBody, createOperatorBody,
  createOrganizationBody, createUserBody, criterionInput, updateUserBody, type AuditEvent,
} from '@konkurs/shared';
import ruAdmin from '../src/i18n/ru/admin';
import enAdmin from '../src/i18n/en/admin';
import { AuditPage } from '../src/pages/admin/audit';
import { HIDDEN_FIELDS, nameGender } from '../src/pages/admin/audit-event';
import { mockFetch, renderScreen } from './render';

// Tests run from apps/web (jsdom's import.meta.url is not a file URL).
const API_SRC = resolve(process.cwd(), '../api/src') + '/';

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') ? [{ path: p.slice(API_SRC.length), text: readFileSync(p, 'utf8') }] : [];
  });
}

/** The top-level keys of the object literals written as `before: {…}`, `after: {…}` or `detail: {…}` (also `(id) => ({…})`, `x ? {…}`). */
function literalKeys(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(/\b(before|after|detail):\s*(?:\(\w*\)\s*=>\s*\(|[\w.]+\s*\?\s*)?\{/g)) {
    let i = m.index! + m[0].length;
    const start = i;
    for (let depth = 1; depth && i < text.length; i++) depth += '{(['.includes(text[i]) ? 1 : '})]'.includes(text[i]) ? -1 : 0;
    let depth = 0;
    let part = '';
    const parts: string[] = [];
    for (const ch of text.slice(start, i - 1)) {
      depth += '{(['.includes(ch) ? 1 : '})]'.includes(ch) ? -1 : 0;
      if (ch === ',' && depth === 0) { parts.push(part); part = ''; } else part += ch;
    }
    parts.push(part);
    for (const p of parts.map((x) => x.trim())) if (!p.startsWith('...')) keys.push(...(p.match(/^\w+/) ?? []));
  }
  return keys;
}

const files = sources(API_SRC);

describe('audit words', () => {
  it('every action the API records has a Russian and an English sentence', () => {
    const recorded = new Set(files.flatMap((f) => [...f.text.matchAll(/\baction: '([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1])));
    // A computed action is made in one place only: the lifecycle moves, `${entityType}.${to}`.
    const computed = files.filter((f) => /\baction: `/.test(f.text)).map((f) => f.path);
    expect(computed).toEqual(['services/transitions.ts']);
    for (const [entity, moves] of [['application', APPLICATION_MOVES], ['competition', COMPETITION_MOVES], ['assignment', ASSIGNMENT_MOVES], ['review', REVIEW_MOVES], ['report', REPORT_MOVES]] as const)
      for (const m of moves) recorded.add(`${entity}.${m.to}`);
    expect(recorded.size).toBeGreaterThan(30);
    const missing = [...recorded].filter((a) => !ruAdmin.audit.actions[a] || !(a in enAdmin.audit.actions));
    expect(missing, 'actions without words in i18n/{ru,en}/admin.ts (audit.actions)').toEqual([]);
  });

  it('every field an event’s before/after carries has a Russian and an English name', () => {
    const shapes = [createCompetitionBody, createOrganizationBody, createUserBody, updateUserBody, createOperatorBody, criterionInput, awardBody,
      awardProposal.shape.awards.element];
    const fields = new Set([
      ...files.flatMap((f) => literalKeys(f.text)),
      ...shapes.flatMap((s) => Object.keys(s.shape)),
      'id', 'createdAt', // an operator's row
    ]);
    expect(fields.has('requestedKopecks') && fields.has('budgetKopecks') && fields.has('expertIds')).toBe(true);
    const missing = [...fields].filter((k) => !HIDDEN_FIELDS.includes(k) && (!ruAdmin.audit.fields[k] || !(k in enAdmin.audit.fields)));
    expect(missing, 'fields without a name in i18n/{ru,en}/admin.ts (audit.fields)').toEqual([]);
  });

  it('agrees the verb with the actor’s name', () => {
    expect(['Ольга Организаторова', 'Мария Федеральная', 'Анна Заявителева', 'Петрова Анна Ивановна'].map(nameGender)).toEqual(['f', 'f', 'f', 'f']);
    expect(['Игорь Чиновников', 'Эксперт Первый', 'Иванов Пётр Сергеевич', 'Администратор'].map(nameGender)).toEqual(['m', 'm', 'm', 'm']);
  });
});

const APP = '00000000-0000-4000-8000-000000000a12';
const COMP = '00000000-0000-4000-8000-0000000000c1';
const EXPERT = '00000000-0000-4000-8000-0000000000e1';
const ORGANISER = '00000000-0000-4000-8000-0000000000f1';
const event = (e: Partial<AuditEvent> & Pick<AuditEvent, 'id' | 'action' | 'entityType' | 'entityId'>): AuditEvent => ({
  at: '2027-02-01T15:00:00.000Z', actorId: null, operatorId: null, before: null, after: null, hash: 'a'.repeat(64), actor: null, entity: null, refs: {}, ...e,
});
const EVENTS: AuditEvent[] = [
  event({ id: 3, action: 'application.admitted', entityType: 'application', entityId: APP, actorId: ORGANISER,
    actor: { id: ORGANISER, fullName: 'Ольга Организаторова', role: 'organiser' }, entity: { number: 'КОНК-2027-000012', title: 'Школа волонтёров' },
    before: { status: 'submitted' }, after: { status: 'admitted' } }),
  event({ id: 2, action: 'assignment.created', entityType: 'assignment', entityId: '00000000-0000-4000-8000-0000000000d1',
    entity: { number: 'КОНК-2027-000012', title: 'Школа волонтёров', expertName: 'Эксперт Первый', applicationId: APP },
    after: { applicationId: APP, expertId: EXPERT, extra: true, spread: 50 }, refs: { [APP]: 'КОНК-2027-000012 «Школа волонтёров»', [EXPERT]: 'Эксперт Первый' } }),
  event({ id: 1, action: 'competition.updated', entityType: 'competition', entityId: COMP, actorId: ORGANISER,
    actor: { id: ORGANISER, fullName: 'Ольга Организаторова', role: 'organiser' }, entity: { code: 'КОНК-2027', title: 'Малые гранты' },
    before: { budgetKopecks: 100_000_000, closesAt: '2027-02-01T15:00:00.000Z' }, after: { budgetKopecks: 150_000_000, closesAt: '2027-02-10T15:00:00.000Z', version: 3 } }),
];

describe('the audit page', () => {
  it('reads each event as a sentence with names, roubles and dates, and filters by action, dates and one object’s history', async () => {
    const calls = mockFetch((url) => (url.includes('/audit?') ? { status: 200, body: { items: EVENTS, nextCursor: null } } : undefined));
    renderScreen(<AuditPage />);
    const items = await screen.findAllByTestId('audit-event', {}, { timeout: 5000 });
    expect(items).toHaveLength(3);
    expect(within(items[0]).getByTestId('audit-sentence').textContent).toBe('Ольга Организаторова допустила заявку КОНК-2027-000012 «Школа волонтёров» к экспертизе');
    expect(within(items[0]).getByText(/Статус:/).parentElement!.textContent).toBe('Статус: Подана → Допущена к экспертизе');
    expect(within(items[1]).getByTestId('audit-sentence').textContent).toBe('Система назначила эксперта Эксперт Первый на заявку КОНК-2027-000012 «Школа волонтёров»');
    expect(items[1].textContent).toContain('Эксперт: Эксперт Первый');
    expect(items[1].textContent).toContain('Дополнительный эксперт: да');
    const changes = items[2].textContent!;
    expect(changes).toContain('Бюджет конкурса: 1\u00a0000\u00a0000,00\u00a0₽ → 1\u00a0500\u00a0000,00\u00a0₽');
    expect(changes).toContain('Окончание приёма заявок: 01.02.2027 18:00 мск → 10.02.2027 18:00 мск');
    expect(items[0].textContent).toContain('01.02.2027 18:00 мск');
    expect(items[0].textContent).toContain('Организатор конкурса');
    const page = document.body.textContent!;
    expect(page).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no raw ids
    expect(page).not.toMatch(/competition\.updated|application\.admitted|Kopecks|150000000/);

    // Filters: an action, a date range (Moscow days), then one object's history.
    fireEvent.click(screen.getByRole('textbox', { name: 'Действие' }));
    fireEvent.click(await screen.findByRole('option', { name: 'допустил(а) заявку … к экспертизе', hidden: true }));
    fireEvent.change(screen.getByRole('textbox', { name: 'С даты' }), { target: { value: '01.02.2027' } });
    fireEvent.blur(screen.getByRole('textbox', { name: 'С даты' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'По дату' }), { target: { value: '03.02.2027' } });
    fireEvent.blur(screen.getByRole('textbox', { name: 'По дату' }));
    fireEvent.click(screen.getByRole('button', { name: 'Показать' }));
    await waitFor(() => expect(calls.some((c) => c.url.includes('action=application.admitted'))).toBe(true));
    const filtered = new URL(calls.find((c) => c.url.includes('action=application.admitted'))!.url, 'http://x');
    expect(filtered.searchParams.get('from')).toBe('2027-02-01T00:00:00+03:00');
    expect(filtered.searchParams.get('to')).toBe('2027-02-04T00:00:00+03:00');

    fireEvent.click(within((await screen.findAllByTestId('audit-event'))[1]).getByRole('button', { name: 'История объекта' }));
    await waitFor(() => expect(calls.some((c) => c.url.includes(`entityId=${APP}`) && c.url.includes('entityType=application'))).toBe(true));
    // The whole history: the action and dates chosen before no longer narrow it.
    const history = new URL(calls.find((c) => c.url.includes(`entityId=${APP}`))!.url, 'http://x');
    expect([history.searchParams.get('action'), history.searchParams.get('from'), history.searchParams.get('to')]).toEqual([null, null, null]);
    expect(screen.getByTestId('audit-object').textContent).toContain('История объекта: Заявка КОНК-2027-000012 «Школа волонтёров»');
  });
});

describe('the audit page’s checkpoint', () => {
  const HEAD = 'ab12cd34ef56'.padEnd(64, '0');
  const CHECKPOINT = { events: 42, headHash: HEAD, at: '2027-02-01T15:00:00.000Z', signature: 'c2lnbmF0dXJl' };

  it('shows the latest published checkpoint, verifies against it and says in Russian what no longer matches', async () => {
    let verdict: unknown = { ok: false, reason: 'fewer-events', events: 40, checkpoint: { events: 42, headHash: HEAD }, checkpoints: 3 };
    const calls = mockFetch((url) => {
      if (url.endsWith('/open-data/audit-checkpoint')) return { status: 200, body: CHECKPOINT };
      if (url.includes('/audit/verify')) return { status: 200, body: verdict };
      return url.includes('/audit?') ? { status: 200, body: { items: [], nextCursor: null } } : undefined;
    });
    renderScreen(<AuditPage />);
    const shown = await screen.findByTestId('audit-checkpoint', {}, { timeout: 5000 });
    expect(shown.textContent).toBe('Контрольная точка: записей — 42, хеш ab12cd34ef56… · 01.02.2027 18:00 мск');
    expect(within(shown).getByTitle(HEAD)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Проверить цепочку' }));
    const result = await screen.findByTestId('verify-result');
    expect(result.textContent).toContain('В журнале 40 записей, а в подписанной контрольной точке было 42: записи удалены');
    const asked = new URL(calls.find((c) => c.url.includes('/audit/verify'))!.url, 'http://x');
    expect([asked.searchParams.get('events'), asked.searchParams.get('headHash')]).toEqual(['42', HEAD]);

    verdict = { ok: true, events: 45, checkpoints: 3 };
    fireEvent.click(screen.getByRole('button', { name: 'Проверить цепочку' }));
    await waitFor(() => expect(screen.getByTestId('verify-result').textContent).toBe('Цепочка цела: проверено записей — 45Сверено с подписанными контрольными точками: 3'));
  });
});
