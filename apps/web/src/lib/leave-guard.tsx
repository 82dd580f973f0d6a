// A warning before leaving a screen with unsaved changes by an in-app link (closing the tab is the autosave's
// beforeunload). The router's blocker exists only under a data router (the app's); elsewhere nothing is guarded.
import { useContext } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { UNSAFE_DataRouterContext, useBlocker } from 'react-router';

export type LeaveTexts = { title: string; text: string; stay: string; leave: string };

function Blocker({ when, texts: t }: { when: boolean; texts: LeaveTexts }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);
  const blocked = blocker.state === 'blocked';
  return (
    <Modal opened={blocked} onClose={() => blocker.reset?.()} title={t.title} centered>
      <Text size="sm" mb="md">{t.text}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>{t.stay}</Button>
        <Button color="red.9" onClick={() => blocker.proceed?.()}>{t.leave}</Button>
      </Group>
    </Modal>
  );
}

/** Asks before an in-app navigation away while `when` holds. */
export function LeaveGuard(props: { when: boolean; texts: LeaveTexts }) {
  return useContext(UNSAFE_DataRouterContext) ? <Blocker {...props} /> : null;
}
