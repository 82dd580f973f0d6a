import { acceptsApplications, type CompetitionStatus } from '@konkurs/shared';
import { describe, expect, it } from 'vitest';
import type { DraftFields } from '@konkurs/shared';
import {
  assertAcceptsApplications, assertRegionAllowed, lastProjectDay, localDay, submissionProblems, type SubmissionContext, type SubmissionRules,
} from '../../src/domain/submission-rules.js';
import { DomainError } from '../../src/domain/errors.js';

// Closes 2027-02-28 21:30 UTC = 1 March 00:30 in Moscow: the closing day is 1 March there.
const rules: SubmissionRules = {
  code: 'K-2027', regionCodes: [], directionCodes: ['youth', 'culture'], closesAt: new Date('2027-02-28T21:30:00Z'), timezone: 'Europe/Moscow', maxProjectMonths: 12,
  minGrantKopecks: 1_000_000, maxGrantKopecks: 50_000_000, minCofinancingPercent: 10, requiredAttachmentKinds: ['charter'],
  maxApplicationsPerOrganization: 2,
};
const context: SubmissionContext = { attachmentKinds: ['charter', 'other'], submittedByOrganization: 1, organizationRegionCode: '40' };

/** Total 20 000 000, co-financing 4 000 000 (20%), requested 16 000 000. */
const complete = (): DraftFields => ({
  title: 'Школа волонтёров', directionCode: 'youth', summary: 'Кратко', relevance: 'Важно', goal: 'Цель',
  tasks: ['Обучить', 'Провести'], targetGroups: ['молодёжь'], geographyRegionCodes: ['40'], startDate: '2027-03-01', endDate: '2028-02-29',
  team: [{ fullName: 'Петров Пётр', role: 'Руководитель', experience: '5 лет' }],
  calendarPlan: [{ taskIndex: 1, title: 'Форум', startDate: '2027-04-01', endDate: '2027-04-02', expectedResult: '100 участников' }],
  budget: [
    { category: 'events', item: 'Форум', quantity: 4, unitCostKopecks: 4_000_000, cofinancingKopecks: 4_000_000 },
    { category: 'salaries', item: 'Координатор', quantity: 0.5, unitCostKopecks: 8_000_000, cofinancingKopecks: 0 },
  ],
});
const paths = (content: DraftFields, r = rules, c = context) => submissionProblems(content, r, c).map((p) => p.path);

describe('submissionProblems', () => {
  it('finds nothing wrong with a complete application', () => {
    expect(submissionProblems(complete(), rules, context)).toEqual([]);
  });

  it.each<[string, (d: DraftFields) => void, string[]]>([
    ['a blank title', (d) => { d.title = '   '; }, ['title']],
    ['no summary', (d) => { d.summary = null; }, ['summary']],
    ['no relevance', (d) => { delete d.relevance; }, ['relevance']],
    ['no goal', (d) => { d.goal = ''; }, ['goal']],
    ['no direction', (d) => { d.directionCode = null; }, ['directionCode']],
    ['a direction the competition lacks', (d) => { d.directionCode = 'health'; }, ['directionCode']],
    ['no tasks', (d) => { d.tasks = []; d.calendarPlan![0].taskIndex = null; }, ['tasks', 'calendarPlan.0.taskIndex']],
    ['an empty task', (d) => { d.tasks = ['Обучить', ' ']; }, ['tasks.1']],
    ['no target groups', (d) => { d.targetGroups = null; }, ['targetGroups']],
    ['no geography', (d) => { d.geographyRegionCodes = []; }, ['geographyRegionCodes']],
    ['no start date', (d) => { d.startDate = null; }, ['startDate']],
    ['no end date', (d) => { d.endDate = null; }, ['endDate']],
    ['a start before the closing day in the competition’s zone', (d) => { d.startDate = '2027-02-28'; d.endDate = '2028-02-27'; }, ['startDate']],
    ['an end before the start', (d) => { d.endDate = '2027-03-31'; d.calendarPlan![0].endDate = '2027-03-02'; d.calendarPlan![0].startDate = '2027-03-01'; d.startDate = '2027-04-01'; }, ['endDate', 'calendarPlan.0.startDate']],
    ['a project longer than the maximum', (d) => { d.endDate = '2028-03-01'; }, ['endDate']],
    ['no team', (d) => { d.team = []; }, ['team']],
    ['a team member without a name', (d) => { d.team = [{ fullName: '', role: 'x' }]; }, ['team.0.fullName']],
    ['no calendar plan', (d) => { d.calendarPlan = []; }, ['calendarPlan']],
    ['an incomplete event', (d) => { d.calendarPlan = [{ taskIndex: 5, title: '', startDate: null, endDate: '2027-05-01' }]; },
      ['calendarPlan.0.title', 'calendarPlan.0.startDate', 'calendarPlan.0.expectedResult', 'calendarPlan.0.taskIndex']],
    ['an event ending before it starts', (d) => { d.calendarPlan![0].endDate = '2027-03-31'; }, ['calendarPlan.0.endDate']],
    ['an event after the project', (d) => { d.calendarPlan![0].endDate = '2028-03-31'; }, ['calendarPlan.0.endDate']],
    ['no budget', (d) => { d.budget = []; }, ['budget']],
    ['an incomplete budget line', (d) => { d.budget!.push({ category: null, item: ' ', quantity: null, unitCostKopecks: null }); }, ['budget.2.category', 'budget.2.item', 'budget.2.quantity', 'budget.2.unitCostKopecks']],
    ['a zero quantity', (d) => { d.budget![1].quantity = 0; d.budget![0].cofinancingKopecks = 2_000_000; }, ['budget.1.quantity']],
    ['co-financing above the line’s total', (d) => { d.budget![1].cofinancingKopecks = 4_000_001; }, ['budget.1.cofinancingKopecks']],
    ['a request under the minimum', (d) => { d.budget = [{ category: 'goods', item: 'x', quantity: 1, unitCostKopecks: 1_000_000, cofinancingKopecks: 100_000 }]; }, ['requestedKopecks']],
    ['a request over the maximum', (d) => { d.budget![0].quantity = 20; d.budget![0].cofinancingKopecks = 10_000_000; }, ['requestedKopecks']],
    ['too little co-financing', (d) => { d.budget![0].cofinancingKopecks = 1_999_999; }, ['cofinancingKopecks']],
  ])('flags %s, and only that', (_what, spoil, expected) => {
    const d = complete();
    spoil(d);
    expect(paths(d)).toEqual(expected);
  });

  it('flags a missing required document and the organisation’s limit', () => {
    expect(paths(complete(), rules, { attachmentKinds: ['other'], submittedByOrganization: 0, organizationRegionCode: '40' })).toEqual(['attachments.charter']);
    expect(paths(complete(), rules, { attachmentKinds: ['charter'], submittedByOrganization: 2, organizationRegionCode: '40' })).toEqual(['organizationId']);
  });

  it('flags an organisation whose region is now outside the competition’s (the region it has at submit)', () => {
    const scoped = { ...rules, regionCodes: ['62', '77'] };
    expect(submissionProblems(complete(), scoped, { ...context, organizationRegionCode: '40' })).toEqual([
      { path: 'organizationId', code: 'region-not-allowed', params: { code: 'K-2027', regions: ['62', '77'], regionCode: '40' } },
    ]);
    expect(paths(complete(), scoped, { ...context, organizationRegionCode: '62' })).toEqual([]);
  });

  it('accepts the co-financing minimum exactly', () => {
    const d = complete();
    d.budget![0].cofinancingKopecks = 2_000_000; // 10% of 20 000 000
    expect(paths(d)).toEqual([]);
  });

  it('lists every problem of an empty draft at once', () => {
    expect(paths({}, rules, { attachmentKinds: [], submittedByOrganization: 2, organizationRegionCode: '40' })).toEqual([
      'title', 'summary', 'relevance', 'goal', 'directionCode', 'tasks', 'targetGroups', 'geographyRegionCodes', 'startDate', 'endDate',
      'team', 'calendarPlan', 'budget', 'attachments.charter', 'organizationId',
    ]);
  });
});

describe('dates and the window', () => {
  it('judges the closing day in the competition’s zone', () => {
    expect(localDay(new Date('2027-02-28T21:30:00Z'), 'Europe/Moscow')).toBe('2027-03-01');
    expect(localDay(new Date('2027-02-28T21:30:00Z'), 'Europe/Kaliningrad')).toBe('2027-02-28');
  });

  it('computes a project’s last day', () => {
    expect(lastProjectDay('2027-03-01', 12)).toBe('2028-02-29');
    expect(lastProjectDay('2027-01-15', 1)).toBe('2027-02-14');
    expect(lastProjectDay('2027-01-31', 1)).toBe('2027-02-28');
    expect(lastProjectDay('2027-12-01', 2)).toBe('2028-01-31');
  });

  it('accepts from opensAt up to but not including closesAt, only while open', () => {
    const c = { status: 'open' as const, opensAt: new Date('2027-01-01T00:00:00Z'), closesAt: new Date('2027-02-01T00:00:00Z') };
    expect(acceptsApplications(c, new Date('2026-12-31T23:59:59.999Z'))).toBe(false);
    expect(acceptsApplications(c, new Date('2027-01-01T00:00:00Z'))).toBe(true);
    expect(acceptsApplications(c, new Date('2027-01-31T23:59:59.999Z'))).toBe(true);
    expect(acceptsApplications(c, new Date('2027-02-01T00:00:00Z'))).toBe(false);
    expect(acceptsApplications({ ...c, status: 'review' }, new Date('2027-01-15T00:00:00Z'))).toBe(false);
  });

  it('refuses outside the window by code: deadline-passed once closed, submission-closed before or in another status', () => {
    const c = { code: 'KLG-2027', status: 'open' as CompetitionStatus, opensAt: new Date('2027-01-01T00:00:00Z'), closesAt: new Date('2027-02-01T00:00:00Z'), timezone: 'Europe/Moscow' };
    const refusal = (at: string, comp = c) => { try { assertAcceptsApplications(comp, new Date(at)); return null; } catch (e) { return e as DomainError; } };
    expect(refusal('2027-01-15T00:00:00Z')).toBeNull();
    expect(refusal('2027-02-01T00:00:00Z')).toMatchObject({ kind: 'conflict', code: 'deadline-passed', params: { code: 'KLG-2027', closesAt: '2027-02-01T00:00:00.000Z', timezone: 'Europe/Moscow' } });
    expect(refusal('2026-12-31T00:00:00Z')).toMatchObject({ code: 'submission-closed', params: { status: 'open', opensAt: '2027-01-01T00:00:00.000Z' } });
    expect(refusal('2027-01-15T00:00:00Z', { ...c, status: 'review' })).toMatchObject({ code: 'submission-closed', params: { status: 'review' } });
  });

  it('refuses an organisation of a region the competition does not cover, naming organizationId', () => {
    expect(() => assertRegionAllowed({ code: 'K', regionCodes: [] }, '40')).not.toThrow();
    expect(() => assertRegionAllowed({ code: 'K', regionCodes: ['40'] }, '40')).not.toThrow();
    expect(() => assertRegionAllowed({ code: 'K', regionCodes: ['62'] }, '40')).toThrow(expect.objectContaining({
      code: 'region-not-allowed', errors: [{ path: 'organizationId', code: 'region-not-allowed', params: { code: 'K', regions: ['62'], regionCode: '40' } }] }));
  });
});

describe('submission problems carry codes and the parameters their sentences need', () => {
  it('dates and amounts as parameters, never in the text', () => {
    const d = complete();
    d.startDate = '2027-02-28';
    d.endDate = '2028-03-01';
    d.budget = [{ category: 'goods', item: 'x', quantity: 1, unitCostKopecks: 1_000_000, cofinancingKopecks: 100_000 }];
    expect(submissionProblems(d, rules, { attachmentKinds: [], submittedByOrganization: 2, organizationRegionCode: '40' })).toEqual(expect.arrayContaining([
      { path: 'startDate', code: 'start-before-closing-day', params: { closingDay: '2027-03-01' } },
      { path: 'endDate', code: 'project-too-long', params: { months: 12, lastDay: '2028-02-27' } },
      { path: 'requestedKopecks', code: 'requested-out-of-range', params: { min: 1_000_000, max: 50_000_000 } },
      { path: 'attachments.charter', code: 'attachment-required', params: { kind: 'charter' } },
      { path: 'organizationId', code: 'limit-reached', params: { submitted: 2, max: 2 } },
    ]));
  });
});
