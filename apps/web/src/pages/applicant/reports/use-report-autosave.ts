// A report's autosave: lib/use-versioned-autosave.ts over the versioned PATCH of the changed fields, its local copy
// kept per report (`konkurs.report.<id>`), nothing saved once it is submitted or accepted.
import { useQueryClient } from '@tanstack/react-query';
import { isReportEditable, reportLink, type Report, type ReportFields } from '@konkurs/shared';
import { reportKeys, reportQuery, saveReport } from '../../../api/reports';
import { useVersionedAutosave } from '../../../lib/use-versioned-autosave';

export function reportFieldsOf(r: Report): ReportFields {
  const { events, spending, narrative, links, cofinancingNote } = r;
  return { events, spending, narrative, links, cofinancingNote };
}

export function useReportAutosave(report: Report, { delayMs }: { delayMs?: number } = {}) {
  const id = report.id;
  const queryClient = useQueryClient();
  return useVersionedAutosave<ReportFields, number>({
    storageKey: `konkurs.report.${id}`,
    initial: () => reportFieldsOf(report),
    version: report.version,
    delayMs,
    readOnly: !isReportEditable(report.status),
    send: async (version, changed) => {
      // A link still being typed (not yet a web address) stays on the screen and in the local copy, not in the save.
      const body = changed.links ? { ...changed, links: changed.links.filter((l) => reportLink.safeParse(l).success) } : changed;
      const saved = await saveReport(id, { version, ...body });
      queryClient.setQueryData(reportQuery(id).queryKey, saved);
      // The list on the application shows the status (due → draft on the first save).
      void queryClient.invalidateQueries({ queryKey: reportKeys.ofApplication(report.applicationId) });
      return { version: saved.version };
    },
    load: async () => {
      const fresh = await queryClient.fetchQuery({ ...reportQuery(id), staleTime: 0 });
      return { fields: reportFieldsOf(fresh), version: fresh.version };
    },
  });
}
