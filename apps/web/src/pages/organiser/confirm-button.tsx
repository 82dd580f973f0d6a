// A button whose action is confirmed in a dialog first (lifecycle moves, award confirmation).
import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { FormProblem } from '../../components/field-error';
import { useT } from '../../i18n';

export function ConfirmButton({ label, title, text, onConfirm, pending, error, ...props }: ButtonProps & {
  label: string; title: string; text: ReactNode; onConfirm: () => Promise<unknown>; pending?: boolean; error?: unknown;
}) {
  const tc = useT('common');
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button {...props} onClick={() => setOpened(true)}>{label}</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={title} centered>
        <Stack>
          <Text size="sm">{text}</Text>
          <FormProblem error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>{tc.cancel}</Button>
            <Button loading={pending} onClick={async () => { try { await onConfirm(); setOpened(false); } catch { /* shown in the dialog */ } }}>{tc.confirm}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
