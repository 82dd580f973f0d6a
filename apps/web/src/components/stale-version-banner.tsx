// The 412 banner: someone saved a newer version in between; nothing was overwritten, and one button loads it.
import { useState } from 'react';
import { Alert, Button, Text, type MantineSpacing } from '@mantine/core';
import { useT } from '../i18n';

export function StaleVersionBanner({ title, text, onReload, mb }: {
  /** What changed, in the screen's words ("Конкурс изменён в другом окне"). */
  title: string;
  text: string;
  /** Loads the newest version; without it the banner only tells. */
  onReload?: () => Promise<unknown> | void;
  mb?: MantineSpacing;
}) {
  const t = useT('common');
  const [reloading, setReloading] = useState(false);
  async function reload() {
    setReloading(true);
    try {
      await onReload?.();
    } finally {
      setReloading(false);
    }
  }
  return (
    <Alert color="orange.9" variant="outline" title={title} role="alert" mb={mb}>
      <Text size="sm" mb={onReload ? 'xs' : 0}>{text}</Text>
      {onReload && <Button size="xs" variant="outline" color="orange.9" onClick={reload} loading={reloading}>{t.reloadVersion}</Button>}
    </Alert>
  );
}
