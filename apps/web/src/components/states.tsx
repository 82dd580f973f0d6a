// Loading, empty and error states: every list and page uses these so that they look and read the same.
import type { ReactNode } from 'react';
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useT } from '../i18n';
import { isApiError } from '../api/client';
import { useProblemText } from './field-error';

export function Loading({ label }: { label?: string }) {
  const t = useT('common');
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" mr="sm" aria-hidden />
      <Text c="dimmed">{label ?? t.loading}</Text>
    </Center>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Stack align="center" gap="xs" py="xl" px="md" ta="center" style={{ border: '1px dashed var(--mantine-color-gray-4)', borderRadius: 8 }}>
      <Text fw={600}>{title}</Text>
      {children && <Text c="dimmed" size="sm">{children}</Text>}
      {action}
    </Stack>
  );
}

export function ErrorState({ title, message, error, onRetry }: { title?: string; message?: string; error?: unknown; onRetry?: () => void }) {
  const t = useT('common');
  const problemText = useProblemText();
  const text = message ?? (isApiError(error, 0) ? t.networkError : isApiError(error) ? problemText(error) : error instanceof Error ? error.message : undefined);
  return (
    <Alert color="red" variant="light" title={title ?? t.errorTitle} role="alert" my="md">
      {text && <Text size="sm" mb={onRetry ? 'sm' : 0}>{text}</Text>}
      {onRetry && (
        <Button size="xs" variant="outline" color="red" onClick={onRetry}>
          {t.retry}
        </Button>
      )}
    </Alert>
  );
}
