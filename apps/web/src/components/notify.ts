import { useCallback } from 'react';
import { notifications } from '@mantine/notifications';
import { useT } from '../i18n';

/** A short confirmation in the corner; its close button is labelled in the user's language. */
export function useNotify() {
  const t = useT('common');
  return useCallback(
    (message: string, color: 'green' | 'gray' | 'red' = 'green') => notifications.show({ message, color, closeButtonProps: { 'aria-label': t.close } }),
    [t.close],
  );
}
