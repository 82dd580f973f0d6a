// The organiser area: the operator's competitions, each with its settings, screening, experts, ranking, awards,
// commission and reports; a report's review.
import { Route, Routes } from 'react-router';
import { CompetitionEditor } from './competition-editor';
import { CompetitionWorkspace } from './competition-workspace';
import { CompetitionsPage } from './competitions-list';
import { ExpertsPage } from './experts-page';
import { ReportReviewPage } from './reporting/report-review';

export default function OrganiserArea() {
  return (
    <Routes>
      <Route index element={<CompetitionsPage />} />
      <Route path="competitions/new" element={<CompetitionEditor />} />
      <Route path="competitions/:id/*" element={<CompetitionWorkspace />} />
      <Route path="experts" element={<ExpertsPage />} />
      <Route path="reports/:reportId" element={<ReportReviewPage />} />
    </Routes>
  );
}
