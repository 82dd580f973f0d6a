import { describe, expect, it } from 'vitest';
import { competitionSettingsIssues, createCompetitionBody, updateCompetitionBody } from '../src/index.js';

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
    expect(competitionSettingsIssues({ ...valid, minGrantKopecks: 40_000_000 })).toEqual([{ path: 'maxGrantKopecks', message: expect.any(String) }]);
  });

  it('compares instants, not strings, across offsets', () => {
    // 09:00 Moscow is 06:00 UTC: a close at 07:00Z is after it though it sorts before as text.
    expect(competitionSettingsIssues({ opensAt: '2027-01-10T09:00:00+03:00', closesAt: '2027-01-10T07:00:00Z' })).toEqual([]);
    expect(competitionSettingsIssues({ opensAt: '2027-01-10T09:00:00+03:00', closesAt: '2027-01-10T05:59:59Z' })).toHaveLength(1);
  });

  it('lists every problem', () => {
    const issues = competitionSettingsIssues({ ...valid, closesAt: valid.opensAt, minGrantKopecks: 70_000_000, maxGrantKopecks: 60_000_000, directionCodes: ['youth', 'youth'] });
    expect(issues.map((i) => i.path).sort()).toEqual(['closesAt', 'directionCodes', 'maxGrantKopecks', 'maxGrantKopecks']);
  });
});
