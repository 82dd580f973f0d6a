import { describe, expect, it } from 'vitest';
import { competitionSettingsIssues, createCompetitionBody, fieldIssueText, fieldIssuesOf, updateCompetitionBody } from '../src/index.js';

const valid = {
  code: 'RYB-2027', title: 'Муниципальный конкурс', operatorId: '3f2b8c1e-7d4a-4b6e-9c1f-2a3b4c5d6e7f',
  directionCodes: ['youth', 'culture'], opensAt: '2027-01-10T09:00:00+03:00', closesAt: '2027-02-10T18:00:00+03:00',
  budgetKopecks: 50_000_000, minGrantKopecks: 5_000_000, maxGrantKopecks: 30_000_000, maxProjectMonths: 12,
  minCofinancingPercent: 10, passMark: 60, maxApplicationsPerOrganization: 3,
};

/** The dotted paths a schema names when it refuses a value. */
function refusedPaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => i.path.join('.'));
}

describe('createCompetitionBody', () => {
  it('accepts a full valid body and fills the defaults', () => {
    const r = createCompetitionBody.safeParse(valid);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ timezone: 'Europe/Moscow', reviewersPerApplication: 2, divergenceThreshold: 30, regionCodes: [], requiredAttachmentKinds: [] });
  });

  it.each([valid.opensAt, '2027-01-10T06:00:00Z', '2027-01-01T00:00:00Z'])('refuses closesAt at or before opensAt (%s), naming closesAt', (closesAt) => {
    expect(refusedPaths(createCompetitionBody.safeParse({ ...valid, closesAt }))).toEqual(['closesAt']);
  });

  it('refuses a minimum grant above the maximum, naming maxGrantKopecks', () => {
    expect(refusedPaths(createCompetitionBody.safeParse({ ...valid, minGrantKopecks: 30_000_001 }))).toEqual(['maxGrantKopecks']);
  });

  it('refuses a maximum grant above the budget', () => {
    expect(refusedPaths(createCompetitionBody.safeParse({ ...valid, maxGrantKopecks: 50_000_001 }))).toEqual(['maxGrantKopecks']);
  });

  it('refuses duplicate criteria codes, naming the repeated one', () => {
    const c = (code: string) => ({ code, title: 'Критерий', weight: 1, maxScore: 10 });
    expect(refusedPaths(createCompetitionBody.safeParse({ ...valid, criteria: [c('K1'), c('K2'), c('K1')] }))).toEqual(['criteria.2.code']);
  });

  it('refuses repeated directions and regions', () => {
    const paths = refusedPaths(createCompetitionBody.safeParse({ ...valid, directionCodes: ['youth', 'youth'], regionCodes: ['62', '62'] }));
    expect(paths.sort()).toEqual(['directionCodes', 'regionCodes']);
  });

  it('answers its own checks by code: the code pattern, the settings rules as custom issues with their params', () => {
    const body = { ...valid, code: 'klg 2027', maxGrantKopecks: 50_000_001, timezone: 'Mars/Olympus', criteria: [{ code: 'K 1', title: 'Критерий', weight: 1, maxScore: 10 }] };
    const r = createCompetitionBody.safeParse(body);
    expect(fieldIssuesOf(r.error!.issues, body)).toEqual(expect.arrayContaining([
      { path: 'code', code: 'competition-code-format' },
      { path: 'timezone', code: 'unknown-timezone' },
      { path: 'criteria.0.code', code: 'criterion-code-format' },
    ]));
    // The cross-field rules run once the fields themselves pass.
    const over = { ...valid, maxGrantKopecks: 50_000_001 };
    expect(fieldIssuesOf(createCompetitionBody.safeParse(over).error!.issues, over))
      .toEqual([{ path: 'maxGrantKopecks', code: 'max-grant-over-budget', params: { budgetKopecks: 50_000_000 } }]);
  });

  it('names every wrong field at once', () => {
    const paths = refusedPaths(createCompetitionBody.safeParse({ ...valid, code: 'lower case', directionCodes: ['nope'], budgetKopecks: 1.5, timezone: 'Mars/Olympus' }));
    expect(paths).toEqual(expect.arrayContaining(['code', 'directionCodes.0', 'budgetKopecks', 'timezone']));
  });

  it('refuses money that is not whole kopecks or negative', () => {
    expect(refusedPaths(createCompetitionBody.safeParse({ ...valid, minGrantKopecks: -1 }))).toContain('minGrantKopecks');
    expect(refusedPaths(createCompetitionBody.safeParse({ ...valid, budgetKopecks: '50000000' }))).toContain('budgetKopecks');
  });

  it('requires an offset on instants', () => {
    expect(refusedPaths(createCompetitionBody.safeParse({ ...valid, opensAt: '2027-01-10 09:00' }))).toContain('opensAt');
  });
});

describe('updateCompetitionBody', () => {
  it('sets only the fields it names: no defaults are refilled', () => {
    const r = updateCompetitionBody.safeParse({ version: 3, title: 'Новое название' });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ version: 3, title: 'Новое название' });
  });

  it('requires a version and refuses unknown fields and operatorId', () => {
    expect(refusedPaths(updateCompetitionBody.safeParse({ title: 'X' }))).toContain('version');
    expect(updateCompetitionBody.safeParse({ version: 1, status: 'open' }).success).toBe(false);
    expect(updateCompetitionBody.safeParse({ version: 1, operatorId: valid.operatorId }).success).toBe(false);
  });

  it('checks the cross-field rules among the fields it carries', () => {
    expect(refusedPaths(updateCompetitionBody.safeParse({ version: 1, opensAt: valid.closesAt, closesAt: valid.opensAt }))).toEqual(['closesAt']);
  });
});

describe('competitionSettingsIssues', () => {
  it('finds nothing wrong in valid settings or in a partial set', () => {
    expect(competitionSettingsIssues(valid)).toEqual([]);
    expect(competitionSettingsIssues({})).toEqual([]);
    expect(competitionSettingsIssues({ closesAt: valid.opensAt })).toEqual([]);
  });

  it('judges the merged result of a patch: a new minimum against the stored maximum', () => {
    expect(competitionSettingsIssues({ ...valid, minGrantKopecks: 40_000_000 }))
      .toEqual([{ path: 'maxGrantKopecks', code: 'max-grant-below-min', params: { minGrantKopecks: 40_000_000 } }]);
  });

  it('compares instants, not strings, across offsets', () => {
    // 09:00 Moscow is 06:00 UTC: a close at 07:00Z is after it though it sorts before as text.
    expect(competitionSettingsIssues({ opensAt: '2027-01-10T09:00:00+03:00', closesAt: '2027-01-10T07:00:00Z' })).toEqual([]);
    expect(competitionSettingsIssues({ opensAt: '2027-01-10T09:00:00+03:00', closesAt: '2027-01-10T05:59:59Z' })).toHaveLength(1);
  });

  it('names each problem by code, with the amounts in kopecks and the opening instant in the competition zone', () => {
    const issues = competitionSettingsIssues({
      ...valid, timezone: 'Asia/Yekaterinburg', closesAt: valid.opensAt, maxGrantKopecks: 60_000_000,
      regionCodes: ['62', '40', '62'], criteria: [{ code: 'K1' }, { code: 'K2' }, { code: 'K1' }] as never,
    });
    expect(issues).toEqual([
      { path: 'closesAt', code: 'closes-before-opens', params: { opensAt: valid.opensAt, timezone: 'Asia/Yekaterinburg' } },
      { path: 'maxGrantKopecks', code: 'max-grant-over-budget', params: { budgetKopecks: 50_000_000 } },
      { path: 'regionCodes', code: 'repeated', params: { values: ['62'] } },
      { path: 'criteria.2.code', code: 'duplicate-criterion-code', params: { criterionCode: 'K1' } },
    ]);
    expect(issues.map((i) => fieldIssueText(i, 'ru'))).toEqual([
      'Приём заявок должен закончиться позже его начала — 10.01.2027 11:00 (Asia/Yekaterinburg)',
      'Не больше бюджета конкурса (500\u00a0000,00\u00a0₽)',
      'Одно и то же значение выбрано несколько раз',
      'Критерий с кодом K1 уже есть',
    ]);
  });

  it('tells the opening in Moscow time when the zone itself is refused', () => {
    expect(competitionSettingsIssues({ opensAt: valid.opensAt, closesAt: valid.opensAt, timezone: ' ' }))
      .toEqual([{ path: 'closesAt', code: 'closes-before-opens', params: { opensAt: valid.opensAt } }]);
  });

  it('lists every problem', () => {
    const issues = competitionSettingsIssues({ ...valid, closesAt: valid.opensAt, minGrantKopecks: 70_000_000, maxGrantKopecks: 60_000_000, directionCodes: ['youth', 'youth'] });
    expect(issues.map((i) => i.path).sort()).toEqual(['closesAt', 'directionCodes', 'maxGrantKopecks', 'maxGrantKopecks']);
  });
});
