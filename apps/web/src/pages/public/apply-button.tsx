import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { acceptsApplications, type Competition } from '@konkurs/shared';
import { useAuth } from '../../auth/auth';
import { useT } from '../../i18n';

/** "Подать заявку": straight to a new application for an applicant, to sign-up for a visitor, nothing for staff. */
export function ApplyButton({ competition }: { competition: Pick<Competition, 'id' | 'status' | 'opensAt' | 'closesAt'> }) {
  const t = useT('public');
  const { user } = useAuth();
  if (!acceptsApplications(competition, Date.now())) return null;
  const target = `/applicant/applications/new?competitionId=${competition.id}`;
  if (!user) return <Button component={Link} to={`/signup?next=${encodeURIComponent(target)}`}>{t.competition.apply}</Button>;
  if (user.role !== 'applicant') return null;
  return <Button component={Link} to={target}>{t.competition.apply}</Button>;
}
