import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { Group, Pill } from '@mantine/core';
import { StatusBadge } from '../src/components/status-badge';
import { renderScreen } from './render';

// Issue 9, item 7: at 390 px a home card's badge read "При…". The theme's Badge and Pill styles keep a status
// or a chosen value whole: no shrinking beside a long title, words wrapped (never an ellipsis) when too narrow.
describe('a status badge is never cut', () => {
  it('keeps its width in a row and wraps its words instead of ending in an ellipsis', () => {
    renderScreen(
      <Group wrap="nowrap" w={200}>
        <span>Губернаторский конкурс грантов для НКО Калужской области 2027</span>
        <StatusBadge kind="competition" status="open" />
      </Group>,
    );
    const label = screen.getByText('Приём заявок');
    const root = label.closest('.mantine-Badge-root') as HTMLElement;
    expect(root.style.flexShrink).toBe('0');
    expect(root.style.maxWidth).toBe('100%');
    expect(root.style.height).toBe('auto');
    expect(label.style.whiteSpace).toBe('normal');
    expect(label.style.textOverflow).toBe('clip');
    expect(label.style.overflow).toBe('visible');
  });

  it('a chosen value (a pill in a multi-select) wraps too', () => {
    renderScreen(<Pill>Поддержка семьи, материнства, отцовства и детства</Pill>);
    const label = screen.getByText('Поддержка семьи, материнства, отцовства и детства');
    expect(label.style.whiteSpace).toBe('normal');
    expect(label.style.textOverflow).toBe('clip');
  });
});
