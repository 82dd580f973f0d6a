// The official area (also open to organisers and admins): totals, charts and CSV exports.
import { Route, Routes } from 'react-router';
import { DashboardPage } from './dashboard';

export default function OfficialArea() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
    </Routes>
  );
}
