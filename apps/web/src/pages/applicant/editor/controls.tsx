// Small controls the editor's steps share.
import { ActionIcon, Button, Group, NumberInput, Stack, Text, Textarea, type NumberInputProps } from '@mantine/core';
import { useT } from '../../../i18n';
import { fieldId, type Problems } from './field-paths';

/** Roubles with kopecks typed as `1 500 000,50`; the value is kopecks. */
export function MoneyInput({ kopecks, onChange, ...rest }: { kopecks: number | null | undefined; onChange: (kopecks: number | null) => void } & Omit<NumberInputProps, 'value' | 'onChange'>) {
  return (
    <NumberInput
      {...rest}
      value={kopecks === null || kopecks === undefined ? '' : kopecks / 100}
      onChange={(v) => onChange(v === '' || v === null ? null : typeof v === 'number' ? Math.round(v * 100) : Math.round(Number(String(v).replace(/\s/g, '').replace(',', '.')) * 100) || 0)}
      min={0}
      decimalScale={2}
      thousandSeparator={' '}
      decimalSeparator=","
      allowNegative={false}
      hideControls
    />
  );
}

/** An editable list of short texts (tasks, target groups): each with its own label and a remove button. */
export function StringList({ name, values, onChange, itemLabel, addLabel, legend, problems, required }: {
  name: string; values: string[]; onChange: (v: string[]) => void; itemLabel: (n: number) => string; addLabel: string; legend: string; problems: Problems;
  /** At least one entry, each filled (the mark Mantine puts on a required control). */
  required?: boolean;
}) {
  const common = useT('common');
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }} id={fieldId(name)} tabIndex={-1}>
      <Text component="legend" fw={500} size="sm" mb={4}>
        {legend}
        {required && <Text span c="red.8" aria-hidden> *</Text>}
      </Text>
      {problems[name] && <Text c="red.9" size="sm" mb={4} role="alert">{problems[name]}</Text>}
      <Stack gap="xs">
        {values.map((v, i) => (
          <Group key={i} align="flex-start" wrap="nowrap" gap="xs">
            <Textarea
              id={fieldId(`${name}.${i}`)}
              label={itemLabel(i + 1)}
              required={required}
              value={v}
              onChange={(e) => onChange(values.map((x, j) => (j === i ? e.currentTarget.value : x)))}
              autosize
              minRows={1}
              style={{ flex: 1 }}
              error={problems[`${name}.${i}`]}
            />
            <ActionIcon variant="subtle" color="red.9" mt={26} size="lg" aria-label={`${common.remove}: ${itemLabel(i + 1)}`} onClick={() => onChange(values.filter((_, j) => j !== i))}>
              ✕
            </ActionIcon>
          </Group>
        ))}
        <div>
          <Button variant="default" size="xs" onClick={() => onChange([...values, ''])}>+ {addLabel}</Button>
        </div>
      </Stack>
    </fieldset>
  );
}
