import type { ReactNode } from 'react';
import { Table, type TableProps } from '@mantine/core';

/**
 * A wide table that scrolls sideways on a narrow screen: every table of the SPA is one. Its region is focusable,
 * so that keyboard users can scroll it too, and named, so that a screen reader says what that stop is (Mantine's
 * Table.ScrollContainer is neither, and axe flags it as soon as it scrolls). The table carries the same name.
 * The region is positioned, so that what a cell places absolutely (a visually hidden "sort by" label) scrolls
 * with the table instead of widening the page beyond the screen.
 */
export function ScrollTable({ minWidth, label, children, ...table }: Omit<TableProps, 'aria-label'> & { minWidth: number; label: string; children: ReactNode }) {
  return (
    <div tabIndex={0} role="region" aria-label={label} style={{ position: 'relative', overflowX: 'auto', maxWidth: '100%' }}>
      <Table miw={minWidth} aria-label={label} {...table}>{children}</Table>
    </div>
  );
}
