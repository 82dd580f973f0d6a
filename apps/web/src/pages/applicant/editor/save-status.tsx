// "Сохранено" and its siblings, announced politely to screen readers; the restore banner (the conflict one is
// components/stale-version-banner.tsx).
import { Alert, Button, Group, Text } from '@mantine/core';
import { formatDateTime } from '@konkurs/shared';
import { useT } from '../../../i18n';
import { useProblemText } from '../../../components/field-error';
import type { PendingEdits, SaveStatus } from './use-autosave';

export function SaveStatusLine({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const t = useT('applicant').editor;
  const problemText = useProblemText();
  let text: string;
  let color = 'dimmed';
  switch (status.kind) {
    case 'saved':
      text = status.at ? t.savedAt(formatDateTime(status.at).slice(11)) : t.saved;
      color = 'green.9';
      break;
    case 'saving':
      text = t.saving;
      break;
    case 'dirty':
      text = t.unsaved;
      break;
    case 'offline':
      text = t.saveFailed;
      color = 'orange.9';
      break;
    case 'rejected':
      text = `${t.saveRejected}: ${problemText(status.error)}`;
      color = 'red.9';
      break;
    case 'conflict':
      text = t.conflictTitle;
      color = 'red.9';
      break;
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" c={color} fw={600} role="status" aria-live="polite" data-testid="save-status">
        {status.kind === 'saved' ? '✓ ' : ''}{text}
      </Text>
      {(status.kind === 'offline' || status.kind === 'rejected') && <Button size="compact-xs" variant="default" onClick={onRetry}>{t.retryNow}</Button>}
    </Group>
  );
}

export function PendingBanner({ pending, fieldNames, restored, onApply, onDiscard }: { pending: PendingEdits; fieldNames: Record<string, string>; restored: boolean; onApply: () => void; onDiscard: () => void }) {
  const t = useT('applicant').editor;
  const names = Object.keys(pending.fields).map((k) => fieldNames[k] ?? k).join(', ');
  return (
    <Alert color="orange" variant="light" title={restored ? t.restoredTitle : t.pendingTitle} role="alert" mb="md">
      <Text size="sm" mb="sm">{restored && `${t.restoredText} `}{t.pendingText(names)}</Text>
      <Group gap="xs">
        <Button size="xs" onClick={onApply}>{t.applyMine}</Button>
        <Button size="xs" variant="default" onClick={onDiscard}>{t.discardMine}</Button>
      </Group>
    </Alert>
  );
}
