import { describe, expect, it } from 'vitest';
import { budgetTotals, createApplicationBody, createOrganizationBody, draftFields, registerBody, updateApplicationBody } from '../src/index.js';

describe('budgetTotals', () => {
  it('is zero for no budget', () => {
    for (const none of [undefined, null, []]) expect(budgetTotals(none)).toEqual({ totalCostKopecks: 0, cofinancingKopecks: 0, requestedKopecks: 0 });
  });

  it('sums quantity × unit cost and subtracts co-financing', () => {
    expect(budgetTotals([
      { category: 'salaries', quantity: 6, unitCostKopecks: 5_000_000, cofinancingKopecks: 3_000_000 },
      { category: 'events', quantity: 1, unitCostKopecks: 2_500_050, cofinancingKopecks: 0 },
    ])).toEqual({ totalCostKopecks: 32_500_050, cofinancingKopecks: 3_000_000, requestedKopecks: 29_500_050 });
  });

  it('rounds a fractional quantity to whole kopecks per line', () => {
    expect(budgetTotals([{ quantity: 0.5, unitCostKopecks: 101 }, { quantity: 1.5, unitCostKopecks: 3 }]).totalCostKopecks).toBe(51 + 5);
  });

  it('treats blank parts of a draft line as zero', () => {
    expect(budgetTotals([{ item: 'Аренда' }, { quantity: 2 }, { unitCostKopecks: 100 }, { cofinancingKopecks: null }])).toEqual({ totalCostKopecks: 0, cofinancingKopecks: 0, requestedKopecks: 0 });
  });

  it('never asks for a negative amount when co-financing exceeds the cost', () => {
    expect(budgetTotals([{ quantity: 1, unitCostKopecks: 100, cofinancingKopecks: 500 }]).requestedKopecks).toBe(0);
  });
});

describe('draft schemas', () => {
  it('saves a partial draft with nulls', () => {
    expect(draftFields.safeParse({ title: null, budget: [{ category: 'rent' }], team: [{}] }).success).toBe(true);
  });

  it('refuses wrong types, naming the dotted path', () => {
    const r = updateApplicationBody.safeParse({ version: 2, budget: [{ quantity: 1 }, { quantity: 'two', category: 'yachts' }], startDate: '31.01.2027' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['budget.1.category', 'budget.1.quantity', 'startDate']);
  });

  it('refuses unknown fields and derived totals in a draft', () => {
    expect(updateApplicationBody.safeParse({ version: 1, requestedKopecks: 5 }).success).toBe(false);
    expect(createApplicationBody.safeParse({ organizationId: '3f2b8c1e-7d4a-4b6e-9c1f-2a3b4c5d6e7f', status: 'winner' }).success).toBe(false);
  });

  it('bounds text length', () => {
    expect(draftFields.safeParse({ title: 'а'.repeat(300) }).success).toBe(true);
    expect(draftFields.safeParse({ title: 'а'.repeat(301) }).success).toBe(false);
  });
});

describe('organisation and account schemas', () => {
  const org = { inn: '7707083893', ogrn: '1027700132195', kpp: '773601001', fullName: 'ПАО Сбербанк', shortName: 'Сбербанк', regionCode: '77' };

  it('accepts a valid organisation', () => expect(createOrganizationBody.safeParse(org).success).toBe(true));

  it.each([['inn', '7707083894'], ['ogrn', '1027700132196'], ['kpp', '77360100'], ['regionCode', '00']])('names %s when it is wrong', (field, value) => {
    const r = createOrganizationBody.safeParse({ ...org, [field]: value });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual([field]);
  });

  it('lower-cases e-mail and asks for a 12-character password', () => {
    expect(registerBody.parse({ email: 'Ivan@Example.ORG', password: 'Vesna-grant-27', fullName: 'Иван' }).email).toBe('ivan@example.org');
    expect(registerBody.safeParse({ email: 'ivan@example.org', password: 'short', fullName: 'Иван' }).success).toBe(false);
  });
});
