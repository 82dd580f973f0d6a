// An export button: downloads with the bearer token (fetch → blob → object URL), errors shown beside it. A CSV
// export gets its XLSX twin beside it (same query and access: /exports/x.csv → /exports/x.xlsx), so every page
// that offers a report CSV offers the workbook too.
import { useState } from 'react';
import { Button, Group, Text, type ButtonProps } from '@mantine/core';
import { isApiError } from '../../api/client';
import { downloadExport, xlsxPathOf } from '../../api/stats';
import { useProblemText } from '../../components/field-error';
import { useLang, useT } from '../../i18n';
import { notify } from '../../lib/notify';

type Params = Record<string, string | number | boolean | undefined | null>;
type Props = ButtonProps & {
  path: string; params: Params; fallbackName: string; label: string;
  /** The XLSX twin's label (default: the label with "CSV" made "XLSX"); `xlsx={false}` for none. */
  xlsxLabel?: string; xlsx?: boolean;
};

export function ExportButton({ path, params, fallbackName, label, xlsxLabel, xlsx = path.endsWith('.csv'), ...props }: Props) {
  const t = useT('official');
  const { lang } = useLang();
  const problemText = useProblemText();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function run(which: string, fallback: string) {
    setPending(which);
    setError(null);
    try {
      const name = await downloadExport(which, { lang, ...params }, fallback);
      notify(t.exported(name));
    } catch (e) {
      setError(isApiError(e) ? problemText(e) : String(e));
    } finally {
      setPending(null);
    }
  }
  const twin = xlsxPathOf(path);
  return (
    <div>
      <Group gap="xs" wrap="wrap">
        <Button variant="default" size="sm" {...props} loading={pending === path} disabled={pending !== null && pending !== path} onClick={() => run(path, fallbackName)}>{label}</Button>
        {xlsx && (
          <Button variant="default" size="sm" {...props} loading={pending === twin} disabled={pending !== null && pending !== twin}
            onClick={() => run(twin, fallbackName.replace(/\.csv$/, '.xlsx'))}>{xlsxLabel ?? t.xlsxOf(label)}</Button>
        )}
      </Group>
      {error && <Text size="xs" c="red.8" role="alert" mt={2}>{error}</Text>}
    </div>
  );
}
