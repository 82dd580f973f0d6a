import { formatMoney } from '@konkurs/shared';
import { useLang } from '../i18n';

/** Money from kopecks: `1 500 000,00 ₽` (no-break spaces, so an amount never wraps). */
export function Money({ kopecks }: { kopecks: number | null | undefined }) {
  const { lang } = useLang();
  if (kopecks === null || kopecks === undefined) return <span>—</span>;
  return <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatMoney(kopecks, lang)}</span>;
}
