// The public area: open competitions, a competition's rules, the winners registry, sign-in and sign-up.
import { Route, Routes } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { ErrorState } from '../../components/states';
import { useT } from '../../i18n';

function NotFound() {
  const t = useT('common');
  return (
    <>
      <PageTitle title={t.notFoundTitle} />
      <ErrorState title={t.notFoundTitle} message={t.notFoundText} />
    </>
  );
}

export default function PublicArea() {
  return (
    <Routes>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
