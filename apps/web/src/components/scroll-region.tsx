import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a narrow screen: every table sits in one. Focusable, so that keyboard
 * users can scroll it too, and a named region, so that a screen reader says what that stop is (Mantine's
 * Table.ScrollContainer is neither, and axe flags it as soon as it scrolls).
 */
export function ScrollRegion({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <div tabIndex={0} role="region" aria-label={label} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
