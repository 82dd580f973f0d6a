import { Route, Routes } from 'react-router';
import { PageTitle } from '../../components/page-title';

export default function ApplicantArea() {
  return (
    <Routes>
      <Route path="*" element={<PageTitle title="…" />} />
    </Routes>
  );
}
