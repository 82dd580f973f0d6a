// A value under its small capital label («СРОК СДАЧИ», «ИЗРАСХОДОВАНО ИЗ ГРАНТА»): the facts and sums of a report's
// pages. `value` styles the value's text (a sum bold, a written result as typed).
import type { ReactNode } from 'react';
import { Text, type TextProps } from '@mantine/core';

export function LabelledValue({ label, children, value }: { label: string; children: ReactNode; value?: TextProps & { component?: 'div' } }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text {...value}>{children}</Text>
    </div>
  );
}
