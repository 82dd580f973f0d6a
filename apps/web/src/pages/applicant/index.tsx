// The applicant's area: organisations, applications, the application editor and results.
import { Route, Routes } from 'react-router';
import { ApplicationPage } from './application-page';
import { ApplicationsPage } from './applications-list';
import { NewApplicationPage } from './new-application';
import { OrganizationsPage } from './organizations';
import { ReportPage } from './reports/report-page';

export default function ApplicantArea() {
  return (
    <Routes>
      <Route index element={<ApplicationsPage />} />
      <Route path="organizations" element={<OrganizationsPage />} />
      <Route path="applications/new" element={<NewApplicationPage />} />
      <Route path="applications/:id" element={<ApplicationPage />} />
      <Route path="applications/:id/reports/:reportId" element={<ReportPage />} />
      <Route path="*" element={<ApplicationsPage />} />
    </Routes>
  );
}
