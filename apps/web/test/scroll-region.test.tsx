import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ScrollTable } from '../src/components/scroll-region';
import { renderScreen } from './render';

describe('scroll table (a wide table in its scroll region)', () => {
  it('is a named region a keyboard can reach (axe: a scrollable region is focusable), around a table of that name', async () => {
    renderScreen(
      <ScrollTable minWidth={900} label="Заявки на проверке">
        <tbody><tr><td>KLG-2027-000001</td></tr></tbody>
      </ScrollTable>,
    );
    const region = screen.getByRole('region', { name: 'Заявки на проверке' });
    expect(region.style.overflowX).toBe('auto');
    const table = screen.getByRole('table', { name: 'Заявки на проверке' });
    expect(region.contains(table)).toBe(true);
    expect(table.style.minWidth).toMatch(/56\.25rem/); // 900 px
    await userEvent.tab();
    expect(document.activeElement).toBe(region);
  });

  it('is positioned, so that an absolutely placed label in a cell scrolls with the table instead of widening the page', () => {
    renderScreen(
      <ScrollTable minWidth={900} label="Рейтинг">
        <thead><tr><th><span style={{ position: 'absolute' }}>Сортировать: Запрошено</span></th></tr></thead>
      </ScrollTable>,
    );
    expect(screen.getByRole('region', { name: 'Рейтинг' }).style.position).toBe('relative');
  });
});
