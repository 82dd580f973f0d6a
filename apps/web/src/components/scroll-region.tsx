import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a narrow screen. Focusable, so that keyboard users can scroll it too
 * (Mantine's Table.ScrollContainer is not, and axe flags it as soon as it scrolls).
 */
export function ScrollRegion({ minWidth, label, children }: { minWidth: number; label?: string; children: ReactNode }) {
  return (
    <div tabIndex={0} role={label ? 'region' : undefined} aria-label={label} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
