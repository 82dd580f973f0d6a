// A button whose action is confirmed in a dialog first (lifecycle moves, withdrawal, submission, awards), with
// a reason when the action needs one (declining, rejecting). The action's error is shown in the dialog.
import { useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea, type ButtonProps, type MantineColor } from '@mantine/core';
import { FormProblem, useFieldError } from './field-error';
import { useT } from '../i18n';

/** What a button that opens a dialog takes from Mantine's Button (its click is the dialog's; `title` is the dialog's). */
export type TriggerProps = ButtonProps & Omit<ComponentPropsWithoutRef<'button'>, keyof ButtonProps | 'onClick' | 'title'>;

type ConfirmButtonProps = TriggerProps & {
  label: string;
  /** The dialog's title, a question ("Подать заявку?"). */
  title: string;
  text?: ReactNode;
  /** The action; the dialog closes when it resolves and shows the problem when it throws. */
  onConfirm: (reason: string) => Promise<unknown> | void;
  /** The dialog's button (default «Подтвердить»). */
  confirmLabel?: string;
  confirmColor?: MantineColor;
  /** A check before asking (a form's own rules): the dialog opens only when it says yes. */
  beforeOpen?: () => boolean | Promise<boolean>;
  /** A reason the user must write; the server names it `reason` when it refuses it. */
  reason?: { label: string; missing: string };
};

export function ConfirmButton({ label, title, text, onConfirm, confirmLabel, confirmColor, beforeOpen, reason, ...trigger }: ConfirmButtonProps) {
  const tc = useT('common');
  const [opened, setOpened] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reasonText, setReasonText] = useState('');
  const [touched, setTouched] = useState(false);
  const fieldError = useFieldError(error);
  const reasonMissing = !!reason && !reasonText.trim();

  async function open() {
    if (beforeOpen && !(await beforeOpen())) return;
    setError(null);
    setTouched(false);
    setOpened(true);
  }

  async function confirm() {
    setTouched(true);
    if (reasonMissing) return;
    setPending(true);
    setError(null);
    try {
      await onConfirm(reasonText.trim());
      setOpened(false);
      setReasonText('');
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button {...trigger} onClick={open}>{label}</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={title} centered>
        {/* The dialog is portalled but its events still bubble through React to a form around the trigger. */}
        <form noValidate onSubmit={(e) => { e.preventDefault(); e.stopPropagation(); void confirm(); }}>
          <Stack>
            {text && <Text size="sm">{text}</Text>}
            <FormProblem error={error} shownPaths={reason ? ['reason'] : []} />
            {reason && (
              <Textarea label={reason.label} required autosize minRows={3} value={reasonText} onChange={(e) => setReasonText(e.currentTarget.value)}
                error={touched && reasonMissing ? reason.missing : fieldError('reason')} data-autofocus />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>{tc.cancel}</Button>
              <Button type="submit" color={confirmColor} loading={pending}>{confirmLabel ?? tc.confirm}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
