// A report's submit rules (domain/report-rules.ts): every problem at once, each rule at its boundary, and the
// spending properties (over a line is always a problem; within every line and the award there is none).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ReportFields, ReportPlan } from '@konkurs/shared';
import { isReportPath, reportProblems, spendingProblems } from '../../src/domain/report-rules.js';

const event = (title: string) => ({ title, startDate: '2027-02-01', endDate: '2027-03-01', expectedResult: 'итог' });
const line = (totalKopecks: number, cofinancingKopecks: number) =>
  ({ category: 'events', item: 'Тренинги', totalKopecks, cofinancingKopecks, grantKopecks: totalKopecks - cofinancingKopecks });
const PLAN: Pick<ReportPlan, 'calendarPlan' | 'budget'> = {
  calendarPlan: [event('Обучение'), event('Фестиваль')],
  budget: [line(1_000_000, 200_000), line(500_000, 0)],
};
const AWARD = 1_300_000;
const done = (calendarIndex: number) => ({ calendarIndex, status: 'done' as const, actualStartDate: '2027-02-01', actualEndDate: '2027-02-20', result: 'Проведено' });
/** A report with no problem: every event done, the lines spent in the promised proportion, a narrative. */
const GOOD: ReportFields = {
  events: [done(0), done(1)],
  spending: [{ budgetIndex: 0, grantSpentKopecks: 800_000, cofinancingSpentKopecks: 200_000 }, { budgetIndex: 1, grantSpentKopecks: 500_000, cofinancingSpentKopecks: 0 }],
  narrative: 'Всё сделано',
};
const codes = (fields: ReportFields, award = AWARD) => reportProblems(fields, PLAN, award).map((i) => `${i.path}:${i.code}`);

describe('reportProblems', () => {
  it('a complete report within the plan has none', () => {
    expect(reportProblems(GOOD, PLAN, AWARD)).toEqual([]);
  });

  it('an empty report lists every problem at once: each event, the narrative', () => {
    expect(codes({})).toEqual(['events.0.status:report-event-required', 'events.1.status:report-event-required', 'narrative:required']);
    expect(reportProblems({}, PLAN, AWARD)[0]!.params).toEqual({ title: 'Обучение' });
  });

  it('events are found by their calendarIndex, not their position; not done needs nothing more', () => {
    expect(codes({ ...GOOD, events: [done(1), { calendarIndex: 0, status: 'not_done' }] })).toEqual([]);
  });

  it('a done or partly event needs its actual dates and result; the end not before the start', () => {
    expect(codes({ ...GOOD, events: [{ calendarIndex: 0, status: 'partly' }, done(1)] }))
      .toEqual(['events.0.actualStartDate:required', 'events.0.actualEndDate:required', 'events.0.result:required']);
    expect(codes({ ...GOOD, events: [{ ...done(0), actualEndDate: '2027-01-31', result: '  ' }, done(1)] }))
      .toEqual(['events.0.actualEndDate:end-before-start', 'events.0.result:required']);
    // The same day is fine.
    expect(codes({ ...GOOD, events: [{ ...done(0), actualEndDate: '2027-02-01' }, done(1)] })).toEqual([]);
  });

  it('an event or a budget line the plan does not have, or one given twice', () => {
    expect(codes({ ...GOOD, events: [done(0), done(1), done(5), done(1)] })).toEqual(['events.5:no-such-calendar-event', 'events.1:report-row-repeated']);
    expect(codes({ ...GOOD, spending: [...GOOD.spending!, { budgetIndex: 2, grantSpentKopecks: 1 }, { budgetIndex: 0, grantSpentKopecks: 1 }] }))
      .toEqual(['spending.2:no-such-budget-line', 'spending.0:report-row-repeated']);
  });

  it('grant spending over a line, at the boundary', () => {
    const at = (spent: number) => codes({ ...GOOD, spending: [{ budgetIndex: 0, grantSpentKopecks: spent, cofinancingSpentKopecks: 200_000 }] });
    expect(at(800_000)).toEqual([]);
    expect(at(800_001)).toEqual(['spending.0.grantSpentKopecks:over-budget-line']);
    expect(reportProblems({ ...GOOD, spending: [{ budgetIndex: 0, grantSpentKopecks: 800_001, cofinancingSpentKopecks: 200_000 }] }, PLAN, AWARD)[0]!.params)
      .toEqual({ limitKopecks: 800_000, spentKopecks: 800_001 });
  });

  it('the whole grant spending over the award, at the boundary', () => {
    expect(codes(GOOD, 1_300_000)).toEqual([]);
    expect(codes(GOOD, 1_299_999)).toEqual(['spending:over-award']);
    expect(reportProblems(GOOD, PLAN, 1_299_999)[0]!.params).toEqual({ awardedKopecks: 1_299_999, spentKopecks: 1_300_000 });
  });

  it('co-financing below the promised share needs an explanation; at the share it does not', () => {
    // Promised: 200 000 of 1 500 000 (13,3 %). Spent 1 300 000 + 200 000: exactly the share.
    expect(codes(GOOD)).toEqual([]);
    const below: ReportFields = { ...GOOD, spending: [{ budgetIndex: 0, grantSpentKopecks: 800_000, cofinancingSpentKopecks: 199_999 }, GOOD.spending![1]!] };
    expect(codes(below)).toEqual(['cofinancingNote:cofinancing-explanation-required']);
    expect(reportProblems(below, PLAN, AWARD)[0]!.params).toEqual({ promisedPercent: 13.3, actualPercent: 13.3 });
    expect(codes({ ...below, cofinancingNote: 'Спонсор перенёс платёж' })).toEqual([]);
    expect(codes({ ...below, cofinancingNote: '   ' })).toEqual(['cofinancingNote:cofinancing-explanation-required']);
    // Nothing spent yet: nothing to explain.
    expect(codes({ ...GOOD, spending: [] })).toEqual([]);
  });

  it('the narrative is required', () => {
    expect(codes({ ...GOOD, narrative: ' ' })).toEqual(['narrative:required']);
    expect(codes({ ...GOOD, narrative: null })).toEqual(['narrative:required']);
  });
});

/** A plan of 1–5 lines and a spending row per line within it (what a report that stays within every line spends). */
const planAndSpending = fc.array(fc.record({ total: fc.integer({ min: 0, max: 10_000_000_000 }), cofinShare: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 5 })
  .chain((lines) => {
    const budget = lines.map((l) => line(l.total, Math.floor((l.total * l.cofinShare) / 100)));
    return fc.tuple(fc.constant(budget), fc.tuple(...budget.map((b) => fc.record({
      grant: fc.integer({ min: 0, max: b.grantKopecks }), cofin: fc.integer({ min: 0, max: 10_000_000_000 }),
    }))));
  });

describe('spending properties', () => {
  it('spending over a line is always a problem, naming that line', () => {
    fc.assert(fc.property(planAndSpending, fc.nat({ max: 4 }), fc.integer({ min: 1, max: 1_000_000_000 }), ([budget, rows], pick, over) => {
      const b = pick % budget.length;
      const spending = rows.map((r, i) => ({ budgetIndex: i, grantSpentKopecks: i === b ? budget[i]!.grantKopecks + over : r.grant, cofinancingSpentKopecks: r.cofin }));
      const issues = spendingProblems({ spending, cofinancingNote: 'пояснение' }, { calendarPlan: [], budget }, Number.MAX_SAFE_INTEGER);
      expect(issues).toContainEqual(expect.objectContaining({ path: `spending.${b}.grantSpentKopecks`, code: 'over-budget-line' }));
    }));
  });

  it('a report that addresses every event and stays within every line and the award has no spending problem', () => {
    fc.assert(fc.property(planAndSpending, fc.nat({ max: 5 }), ([budget, rows], events) => {
      const plan = { calendarPlan: Array.from({ length: events }, (_, i) => event(`Мероприятие ${i}`)), budget };
      const spending = rows.map((r, i) => ({ budgetIndex: i, grantSpentKopecks: r.grant, cofinancingSpentKopecks: r.cofin }));
      const award = spending.reduce((s, r) => s + r.grantSpentKopecks, 0);
      // Co-financing at least the promised share of what was spent, or explained: either way no spending problem.
      const fields: ReportFields = { events: plan.calendarPlan.map((_, i) => done(i)), spending, narrative: 'Отчёт', cofinancingNote: 'пояснение' };
      expect(reportProblems(fields, plan, award)).toEqual([]);
    }));
  });
});

describe('isReportPath', () => {
  const fields: ReportFields = { links: ['https://example.org/a'] };
  it('names the fields of this report by the plan’s indexes', () => {
    for (const p of ['narrative', 'links', 'links.0', 'cofinancingNote', 'attachments', 'spending', 'events', 'events.1', 'events.1.result',
      'events.0.actualEndDate', 'spending.1.grantSpentKopecks', 'spending.0.note']) expect(isReportPath(p, PLAN, fields), p).toBe(true);
    for (const p of ['title', 'events.2', 'events.1.title', 'spending.2.note', 'spending.0.grantKopecks', 'links.1', 'narrative.0', 'events.01',
      'events.-1', 'events.1.result.x', 'spending.x', '']) expect(isReportPath(p, PLAN, fields), p).toBe(false);
  });
});
