// Placeholder of the organiser area (owned by its own engineer): replace with the area's <Routes>.
import { Route, Routes } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { EmptyState } from '../../components/states';
import { useT } from '../../i18n';

export default function OrganiserArea() {
  const t = useT('common');
  return (
    <Routes>
      <Route path="*" element={<><PageTitle title={t.inDevelopment} /><EmptyState title={t.inDevelopment} /></>} />
    </Routes>
  );
}
