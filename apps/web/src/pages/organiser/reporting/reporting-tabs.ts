// The workspace's tabs of the after-the-award work: the commission from the review on (it is entered before the
// decision and signs the protocol), the reports once the results are published (each winner has its schedule then).
import { awardsDecided, RESULTS_PUBLIC, type CompetitionStatus } from '@konkurs/shared';

export const REPORTING_TABS = ['commission', 'reporting'] as const;
export type ReportingTab = (typeof REPORTING_TABS)[number];

export function reportingTabs(status: CompetitionStatus): ReportingTab[] {
  return REPORTING_TABS.filter((tab) => (tab === 'commission' ? status === 'review' || awardsDecided(status) : RESULTS_PUBLIC.includes(status)));
}
