import { DEFAULT_TIMEZONE, formatDate, formatDateTime } from '@konkurs/shared';
import { useT } from '../i18n';

/**
 * A date (`01.02.2027`) or an instant with time (`01.02.2027 18:00 мск`), in Moscow time unless the
 * competition's time zone is given. Calendar dates (`2027-02-01`) are shown as they are.
 */
export function DateText({ value, withTime = false, timeZone = DEFAULT_TIMEZONE }: { value: string | null | undefined; withTime?: boolean; timeZone?: string }) {
  const t = useT('common');
  if (!value) return <span>—</span>;
  const zone = timeZone === DEFAULT_TIMEZONE ? t.moscowTime : timeZone;
  return (
    <time dateTime={value} style={{ whiteSpace: 'nowrap' }}>
      {withTime ? `${formatDateTime(value, timeZone)} ${zone}` : formatDate(value, timeZone)}
    </time>
  );
}
