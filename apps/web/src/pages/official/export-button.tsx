// A CSV export button: downloads with the bearer token (fetch → blob → object URL), errors shown beside it.
import { useState } from 'react';
import { Button, Text, type ButtonProps } from '@mantine/core';
import { isApiError } from '../../api/client';
import { downloadCsv } from '../../api/stats';
import { useProblemText } from '../../components/field-error';
import { useLang, useT } from '../../i18n';
import { notify } from '../../lib/notify';

type Params = Record<string, string | number | boolean | undefined | null>;

export function ExportButton({ path, params, fallbackName, label, ...props }: ButtonProps & { path: string; params: Params; fallbackName: string; label: string }) {
  const t = useT('official');
  const { lang } = useLang();
  const problemText = useProblemText();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setPending(true);
    setError(null);
    try {
      const name = await downloadCsv(path, { lang, ...params }, fallbackName);
      notify(t.exported(name));
    } catch (e) {
      setError(isApiError(e) ? problemText(e) : String(e));
    } finally {
      setPending(false);
    }
  }
  return (
    <div>
      <Button variant="default" size="sm" {...props} loading={pending} onClick={run}>{label}</Button>
      {error && <Text size="xs" c="red.8" role="alert" mt={2}>{error}</Text>}
    </div>
  );
}
