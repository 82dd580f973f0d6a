// Helpers for the staff scenarios (organiser, expert, official, admin): signing in through the UI, and the
// API calls that set up what a scenario is not about (an applicant's submissions, other experts' reviews).
// The full round runs over scenarios 03…07 in order and shares one competition, found by its code prefix.
import type { Page } from '@playwright/test';
import type { Login } from './fixtures';

export const ROUND_PREFIX = 'E2E-';
/**
 * The round's divergent application: its two experts score it 90 and 40 (scenario 04), more than the threshold of 30
 * apart, so an extra expert is assigned; that review is still pending when the organiser first tries to confirm the
 * awards (scenario 05), then comes in (90: final score 73,33) and the confirmation goes through.
 */
export const DIVERGENT_TITLE = 'Проект с расхождением оценок';
export const DIVERGENT_SCORES = [9, 4] as const;
export const EXTRA_SCORE = 9;
export const NEW_EXPERT_PASSWORD = 'e2e-expert-password-1';

export async function signIn(page: Page, login: Login) {
  await page.goto('/signin');
  await page.getByLabel('Электронная почта').fill(login.email);
  await page.getByLabel('Пароль').fill(login.password);
  await page.getByRole('button', { name: 'Войти' }).last().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

export type Api = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

/** An API client signed in as `login` (for setup steps and for checking what the screen claims). */
export async function apiAs(baseUrl: string, login: Login): Promise<Api> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(login) });
  if (!res.ok) throw new Error(`login ${login.email}: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return async <T,>(method: string, path: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

export type RoundCompetition = { id: string; code: string; title: string; closesAt: string; status: string; criteria: { code: string; maxScore: number; commentRequired: boolean }[] };

/** The competition this run's round created (the newest with the E2E- code). */
export async function roundCompetition(api: Api): Promise<RoundCompetition> {
  const { items } = await api<{ items: RoundCompetition[] }>('GET', '/competitions?limit=500');
  const ours = items.filter((c) => c.code.startsWith(ROUND_PREFIX)).sort((a, b) => b.code.localeCompare(a.code))[0];
  if (!ours) throw new Error('no E2E- competition: run scenario 03 first');
  return ours;
}

/** A datetime-local value on Moscow's wall clock, `minutes` from now, rounded up to the minute. */
export function moscowLocal(minutesFromNow: number): string {
  const t = Math.ceil((Date.now() + minutesFromNow * 60_000) / 60_000) * 60_000;
  const p = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(t));
  const g = (k: string) => p.find((x) => x.type === k)!.value;
  return `${g('year')}-${g('month')}-${g('day')}T${g('hour')}:${g('minute')}`;
}

/** A calendar day `days` after an instant, in Moscow. */
export function moscowDay(instant: string, days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(Date.parse(instant) + days * 86_400_000));
}

/** A complete application (every section, the rules of the round's competition met), requesting `requestedRoubles`. */
export function completeDraft(title: string, closesAt: string, requestedRoubles: number) {
  const start = moscowDay(closesAt, 10);
  const cost = Math.round(requestedRoubles * 1.25) * 100;
  return {
    title, directionCode: 'family', summary: `${title}: краткое описание проекта.`, relevance: 'Семьям микрорайона не хватает поддержки рядом с домом.',
    goal: 'Создать центр поддержки семей.', tasks: ['Оборудовать помещение', 'Провести встречи'], targetGroups: ['Семьи с детьми'], geographyRegionCodes: ['40'],
    startDate: start, endDate: moscowDay(closesAt, 150),
    team: [{ fullName: 'Мария Руководителева', role: 'Руководитель', experience: '10 лет в социальных проектах' }],
    calendarPlan: [{ taskIndex: 0, title: 'Ремонт помещения', startDate: start, endDate: moscowDay(closesAt, 40), expectedResult: 'Помещение готово' }],
    budget: [{ category: 'salaries', item: 'Оплата труда команды', quantity: 1, unitCostKopecks: cost, cofinancingKopecks: cost - requestedRoubles * 100 }],
  };
}

/** Scores every criterion `score` (comments where required) and submits, as the expert of the assignment. */
export async function reviewByApi(api: Api, assignmentId: string, criteria: RoundCompetition['criteria'], score: number) {
  await api('PUT', `/assignments/${assignmentId}/review`, {
    scores: criteria.map((c) => ({ criterionCode: c.code, score: Math.min(score, c.maxScore), comment: c.commentRequired ? 'Обоснование оценки' : '' })), comment: 'Хороший проект',
  });
  await api('POST', `/assignments/${assignmentId}/review/submit`);
}
