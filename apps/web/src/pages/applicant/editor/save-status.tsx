// The application editor's save status and restore banner: lib/save-status.tsx in the applicant's words.
import { useT } from '../../../i18n';
import { AutosaveStatus, PendingEditsBanner } from '../../../lib/save-status';
import type { PendingEdits, SaveStatus } from './use-autosave';

export function SaveStatusLine({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  return <AutosaveStatus status={status} onRetry={onRetry} texts={useT('applicant').editor} />;
}

export function PendingBanner(props: { pending: PendingEdits; fieldNames: Record<string, string>; restored: boolean; onApply: () => void; onDiscard: () => void }) {
  return <PendingEditsBanner {...props} texts={useT('applicant').editor} />;
}
