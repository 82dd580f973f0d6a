import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ScrollRegion } from '../src/components/scroll-region';
import { renderScreen } from './render';

describe('scroll region around a wide table', () => {
  it('is a named region a keyboard can reach (axe: a scrollable region is focusable)', async () => {
    renderScreen(
      <ScrollRegion minWidth={900} label="Заявки на проверке">
        <table><tbody><tr><td>KLG-2027-000001</td></tr></tbody></table>
      </ScrollRegion>,
    );
    const region = screen.getByRole('region', { name: 'Заявки на проверке' });
    expect(region.style.overflowX).toBe('auto');
    expect((region.firstElementChild as HTMLElement).style.minWidth).toBe('900px');
    await userEvent.tab();
    expect(document.activeElement).toBe(region);
  });
});
