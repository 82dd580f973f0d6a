// Date and time inputs that read and write as Russian users write (`01.02.2027`, `18:00`), whatever the
// browser's own locale: the native date fields showed mm/dd/yyyy and "06:00 PM" in an English browser.
// Calendar dates travel as `YYYY-MM-DD`; a date with time as the wall clock `YYYY-MM-DDTHH:mm` of the zone
// the caller names (zoned-time.ts turns that into an instant).
import { useEffect, useState, type ReactNode } from 'react';
import { Group, Input, TextInput } from '@mantine/core';
import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { useLang, useT } from '../i18n';

const DAY = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** `1.2.2027` or `01.02.2027` → `2027-02-01`; null when it is no calendar day. */
export function parseRussianDate(text: string): string | null {
  const m = DAY.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** `2027-02-01` → `01.02.2027` (as typed into the field). */
export const formatRussianDate = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
};

/**
 * The dates package's calendars in the user's language, weeks from Monday. Each field brings its own, so that the
 * dates package loads with the screens that have a date field, not on the first visit.
 */
function DatesLocale({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  return <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1, weekendDays: [0, 6] }}>{children}</DatesProvider>;
}

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'minDate' | 'maxDate'> & {
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  /** Calendar dates `YYYY-MM-DD`. */
  minDate?: string;
  maxDate?: string;
};

/** A calendar date typed as `01.02.2027` (or picked), given and returned as `2027-02-01`. */
export function DateField({ value, onChange, placeholder, clearButtonProps, label, ...rest }: DateFieldProps) {
  const t = useT('common');
  const named = typeof label === 'string' ? `${t.clearDate}: ${label}` : typeof rest['aria-label'] === 'string' ? `${t.clearDate}: ${rest['aria-label']}` : t.clearDate;
  return (
    <DatesLocale>
      <DateInput
        valueFormat="DD.MM.YYYY"
        dateParser={parseRussianDate}
        placeholder={placeholder ?? t.datePlaceholder}
        clearable
        clearButtonProps={{ 'aria-label': named, ...clearButtonProps }}
        label={label}
        value={value || null}
        onChange={(v) => onChange(v ? v.slice(0, 10) : null)}
        {...rest}
      />
    </DatesLocale>
  );
}

interface DateTimeFieldProps {
  id?: string;
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  /** The wall clock `YYYY-MM-DDTHH:mm` (empty when not set). */
  value: string | null | undefined;
  onChange: (value: string) => void;
  onBlur?: () => void;
}

/**
 * A date with a 24-hour time on the wall clock of the caller's zone: `01.02.2027` and `18:00`. It emits
 * `YYYY-MM-DDTHH:mm` once both halves are valid, and an empty string when the date is cleared.
 */
export function DateTimeField({ id, label, description, error, required, disabled, value, onChange, onBlur }: DateTimeFieldProps) {
  const t = useT('common');
  const date = value ? value.slice(0, 10) : null;
  const timeOf = (v: string | null | undefined) => (v && v.length >= 16 ? v.slice(11, 16) : '');
  const [time, setTime] = useState(timeOf(value));
  useEffect(() => setTime(timeOf(value)), [value]);
  const timeValid = TIME.test(time);
  const emit = (d: string | null, tm: string) => {
    if (!d) return onChange('');
    const m = TIME.exec(tm);
    if (m) onChange(`${d}T${pad(Number(m[1]))}:${m[2]}`);
  };
  return (
    <Input.Wrapper id={id} label={label} description={description} error={error} required={required}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <DateField id={id} aria-label={typeof label === 'string' ? `${label}: ${t.dateWord}` : undefined} value={date} disabled={disabled}
          onChange={(d) => emit(d, time || '00:00')} onBlur={onBlur} error={!!error} style={{ flex: '1 1 9rem', minWidth: 0 }} />
        <TextInput aria-label={typeof label === 'string' ? `${label}: ${t.timeWord}` : undefined} value={time} disabled={disabled} placeholder={t.timePlaceholder}
          inputMode="numeric" maxLength={5} style={{ flex: '0 0 5.5rem' }}
          error={!!error || (time !== '' && !timeValid)}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setTime(next);
            if (TIME.test(next)) emit(date, next);
          }}
          onBlur={onBlur} />
      </Group>
    </Input.Wrapper>
  );
}
