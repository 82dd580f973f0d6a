import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import type { BudgetLine } from '@konkurs/shared';
import { BudgetTable } from '../src/pages/applicant/editor/budget-table';
import { renderScreen } from './render';

const bounds = { minGrantKopecks: 10_000_000, maxGrantKopecks: 300_000_000, minCofinancingPercent: 10 };

function Harness({ initial }: { initial: BudgetLine[] }) {
  const [lines, setLines] = useState(initial);
  return <BudgetTable lines={lines} onChange={setLines} bounds={bounds} />;
}

const text = (testId: string) => screen.getByTestId(testId).textContent?.replace(/\u00a0/g, ' ');

describe('BudgetTable', () => {
  it('totals live: total cost, co-financing and requested follow every keystroke', () => {
    renderScreen(<Harness initial={[{ category: 'salaries', item: 'Координатор', quantity: 12, unitCostKopecks: 5_000_000, cofinancingKopecks: 6_000_000 }]} />);
    expect(text('budget-total')).toBe('600 000,00 ₽');
    expect(text('budget-cofinancing')).toBe('60 000,00 ₽');
    expect(text('budget-requested')).toBe('540 000,00 ₽');

    fireEvent.change(screen.getByLabelText('Строка 1: Кол-во'), { target: { value: '10' } });
    expect(text('line-total-0')).toBe('500 000,00 ₽');
    expect(text('budget-total')).toBe('500 000,00 ₽');
    expect(text('budget-requested')).toBe('440 000,00 ₽');

    fireEvent.click(screen.getByRole('button', { name: /Добавить строку/ }));
    fireEvent.change(screen.getByLabelText('Строка 2: Цена за единицу, ₽'), { target: { value: '1500,50' } });
    expect(text('line-total-1')).toBe('1 500,50 ₽');
    expect(text('budget-total')).toBe('501 500,50 ₽');

    fireEvent.change(screen.getByLabelText('Строка 2: Софинансирование, ₽'), { target: { value: '500' } });
    expect(text('budget-cofinancing')).toBe('60 500,00 ₽');
    expect(text('budget-requested')).toBe('441 000,50 ₽');
  });

  it('removing a line takes it out of the totals', () => {
    renderScreen(<Harness initial={[
      { category: 'rent', item: 'Зал', quantity: 1, unitCostKopecks: 100_000, cofinancingKopecks: 0 },
      { category: 'goods', item: 'Бумага', quantity: 2, unitCostKopecks: 50_000, cofinancingKopecks: 0 },
    ]} />);
    expect(text('budget-total')).toBe('2 000,00 ₽');
    fireEvent.click(screen.getByRole('button', { name: 'Удалить строку 1' }));
    expect(text('budget-total')).toBe('1 000,00 ₽');
  });

  it('flags a co-financing share below the competition minimum', () => {
    renderScreen(<Harness initial={[{ category: 'rent', item: 'Зал', quantity: 1, unitCostKopecks: 100_000_00, cofinancingKopecks: 5_000_00 }]} />);
    expect(screen.getByText(/Доля софинансирования: 5 %/)).toBeTruthy();
  });
});
