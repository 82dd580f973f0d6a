// The autosave's words on screen: "Сохранено в 12:34" and its siblings, announced politely to screen readers,
// and the banner offering edits not yet saved (the conflict one is components/stale-version-banner.tsx). Each
// area gives its own words (applicant.editor, expert.form.autosave).
import { Alert, Button, Group, Text } from '@mantine/core';
import { formatDateTime } from '@konkurs/shared';
import { useProblemText } from '../components/field-error';
import type { PendingEdits, SaveStatus } from './use-versioned-autosave';

export type SaveStatusTexts = {
  saved: string; savedAt: (time: string) => string; saving: string; unsaved: string; saveFailed: string; saveRejected: string;
  retryNow: string; conflictTitle: string;
};
export type PendingTexts = {
  pendingTitle: string; pendingText: (fields: string) => string; restoredTitle: string; restoredText: string; applyMine: string; discardMine: string;
};

export function AutosaveStatus({ status, onRetry, texts: t }: { status: SaveStatus; onRetry: () => void; texts: SaveStatusTexts }) {
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

export function PendingEditsBanner<F>({ pending, fieldNames, restored, onApply, onDiscard, texts: t }: {
  pending: PendingEdits<F>; fieldNames: Record<string, string>; restored: boolean; onApply: () => void; onDiscard: () => void; texts: PendingTexts;
}) {
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
