import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '@konkurs/shared';
import { useAuth } from './auth';
import { Loading } from '../components/states';
import { ErrorState } from '../components/states';
import { useT } from '../i18n';

/** Guards an area: not signed in → the sign-in page (coming back here afterwards); wrong role → a clear refusal. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  const t = useT('common');
  if (loading) return <Loading />;
  if (!user) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!roles.includes(user.role)) return <ErrorState title={t.forbiddenTitle} message={t.forbiddenText} />;
  return <>{children}</>;
}
