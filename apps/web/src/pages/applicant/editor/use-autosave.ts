// The application draft's autosave: lib/use-versioned-autosave.ts over a versioned PATCH of the changed fields,
// its local copy kept per application (`konkurs.draft.<id>`).
import { useQueryClient } from '@tanstack/react-query';
import type { Application, DraftFields } from '@konkurs/shared';
import { applicationQuery, saveApplication } from '../../../api/applications';
import { useVersionedAutosave, type PendingEdits as Pending } from '../../../lib/use-versioned-autosave';

export type { SaveStatus } from '../../../lib/use-versioned-autosave';
export type FieldKey = keyof DraftFields;
/** Edits made on this device that the server has not acknowledged. */
export type PendingEdits = Pending<DraftFields>;

export function draftFieldsOf(a: Application): DraftFields {
  const { title, directionCode, summary, relevance, goal, tasks, targetGroups, geographyRegionCodes, startDate, endDate, team, calendarPlan, budget } = a;
  return { title, directionCode, summary, relevance, goal, tasks, targetGroups, geographyRegionCodes, startDate, endDate, team, calendarPlan, budget };
}

export function useAutosave(application: Application, { delayMs }: { delayMs?: number } = {}) {
  const id = application.id;
  const queryClient = useQueryClient();
  return useVersionedAutosave<DraftFields, number>({
    storageKey: `konkurs.draft.${id}`,
    initial: () => draftFieldsOf(application),
    version: application.version,
    delayMs,
    send: async (version, changed) => {
      const saved = await saveApplication(id, version, changed);
      queryClient.setQueryData(applicationQuery(id).queryKey, saved);
      return { version: saved.version };
    },
    load: async () => {
      const fresh = await queryClient.fetchQuery({ ...applicationQuery(id), staleTime: 0 });
      return { fields: draftFieldsOf(fresh), version: fresh.version };
    },
  });
}
