// What an organisation does with an application besides filling it: delete a draft outright (confirmed first),
// hide a withdrawn one from its list or show it again. The statuses each is offered in are shared's rules.
import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isDeletable, isHideable, type ApplicationStatus } from '@konkurs/shared';
import { applicationKeys, deleteApplication, setApplicationHidden } from '../../api/applications';
import { ConfirmButton } from '../../components/confirm-button';
import { useT } from '../../i18n';
import { notify } from '../../lib/notify';

type Target = { id: string; number: string; status: ApplicationStatus };

/** "Удалить черновик" with a confirmation; `onDeleted` runs once it is gone (a page of it navigates away). */
export function DeleteDraftButton({ application, onDeleted, compact }: { application: Target; onDeleted?: () => void; compact?: boolean }) {
  const t = useT('applicant').actions;
  const queryClient = useQueryClient();
  if (!isDeletable(application.status)) return null;
  return (
    <ConfirmButton variant={compact ? 'subtle' : 'outline'} size={compact ? 'xs' : 'sm'} color="red.9" label={t.deleteDraft}
      aria-label={compact ? t.deleteDraftOf(application.number) : undefined}
      title={t.deleteTitle} text={t.deleteText} confirmLabel={t.deleteDraft} confirmColor="red.9"
      onConfirm={async () => {
        await deleteApplication(application.id);
        onDeleted?.();
        queryClient.removeQueries({ queryKey: applicationKeys.one(application.id) });
        await queryClient.invalidateQueries({ queryKey: applicationKeys.all });
        notify(t.deleted, { color: 'gray' });
      }} />
  );
}

/** "Скрыть из списка" for a withdrawn application, "Показать в списке" for a hidden one. */
export function HideButton({ application }: { application: Target & { hiddenAt: string | null } }) {
  const t = useT('applicant').actions;
  const queryClient = useQueryClient();
  const hidden = application.hiddenAt !== null;
  const mutation = useMutation({
    mutationFn: () => setApplicationHidden(application.id, !hidden),
    onSuccess: async () => {
      notify(hidden ? t.shown : t.hidden, { color: 'gray' });
      await queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    },
    onError: () => notify(t.hideFailed, { color: 'red' }),
  });
  if (!isHideable(application.status)) return null;
  return (
    <Button variant="default" size="xs" loading={mutation.isPending} onClick={() => mutation.mutate()}
      aria-label={(hidden ? t.showOf : t.hideOf)(application.number)}>
      {hidden ? t.show : t.hide}
    </Button>
  );
}
