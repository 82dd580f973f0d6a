// The files being sent, under a drop zone: each with its progress, or the reason it was refused and a button to
// dismiss that (the application's documents and a report's supporting documents).
import { ActionIcon, Card, Group, Progress, Stack, Text } from '@mantine/core';

export interface UploadInFlight { key: number; fileName: string; progress: number; error?: string }

export function UploadProgressList<U extends UploadInFlight>({ uploads, name = (u) => u.fileName, words, onDismiss }: {
  uploads: readonly U[];
  /** What a row calls its file (the file name, with its kind for an application's documents). */
  name?: (u: U) => string;
  words: { uploading: string; dismiss: (fileName: string) => string };
  onDismiss: (key: number) => void;
}) {
  if (uploads.length === 0) return null;
  return (
    <Stack gap="xs" aria-live="polite">
      {uploads.map((u) => (
        <Card key={u.key} withBorder padding="sm" role={u.error ? 'alert' : undefined}>
          <Group justify="space-between" mb={4} wrap="wrap" gap="xs">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{name(u)}</Text>
            <Text size="sm" c={u.error ? 'red.9' : 'dimmed'}>{u.error ?? `${words.uploading} ${u.progress} %`}</Text>
            {u.error && <ActionIcon variant="subtle" color="gray.8" aria-label={words.dismiss(u.fileName)} onClick={() => onDismiss(u.key)}>✕</ActionIcon>}
          </Group>
          {!u.error && <Progress value={u.progress} aria-label={`${words.uploading}: ${u.fileName}`} />}
        </Card>
      ))}
    </Stack>
  );
}
