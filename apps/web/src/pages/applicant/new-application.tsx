// Starting an application: which competition, on behalf of which organisation. The region rule and the
// organisation's limit are shown before the draft exists, so nobody fills a form they cannot submit.
import { useState } from 'react';
import { Alert, Button, Card, Select, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { COUNTED_AS_SUBMITTED } from '@konkurs/shared';
import { applicationKeys, applicationsQuery, createApplication } from '../../api/applications';
import { competitionsQuery } from '../../api/competitions';
import { myOrganizationsQuery } from '../../api/organizations';
import { FormProblem } from '../../components/field-error';
import { PageTitle } from '../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useT } from '../../i18n';
import { regionName } from '../../lib/reference';

export function NewApplicationPage() {
  const t = useT('applicant').create;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const competitions = useQuery(competitionsQuery({ status: 'open' }));
  const orgs = useQuery(myOrganizationsQuery());
  const [competitionId, setCompetitionId] = useState<string | null>(params.get('competitionId'));
  const [organizationId, setOrganizationId] = useState<string | null>(params.get('organizationId'));
  const chosenOrg = orgs.data?.find((o) => o.id === organizationId) ?? (orgs.data?.length === 1 ? orgs.data[0] : undefined);
  // The organisation's applications to the chosen competition: how many count against its limit (as the server counts).
  const theirs = useQuery({
    ...applicationsQuery({ competitionId: competitionId ?? '', organizationId: chosenOrg?.id ?? '', limit: 500 }),
    enabled: !!competitionId && !!chosenOrg,
  });
  const mutation = useMutation({
    mutationFn: (v: { competitionId: string; organizationId: string }) => createApplication(v.competitionId, { organizationId: v.organizationId }),
    onSuccess: async (app) => {
      await queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      navigate(`/applicant/applications/${app.id}`, { replace: true });
    },
  });

  if (competitions.isPending || orgs.isPending) return <Loading />;
  if (competitions.isError) return <ErrorState error={competitions.error} onRetry={() => competitions.refetch()} />;
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => orgs.refetch()} />;

  const here = `/applicant/applications/new${competitionId ? `?competitionId=${competitionId}` : ''}`;
  if (orgs.data.length === 0)
    return (
      <>
        <PageTitle title={t.title} />
        <EmptyState title={t.noOrganizations} action={<Button component={Link} to={`/applicant/organizations?new&next=${encodeURIComponent(here)}`}>{t.addOrganization}</Button>}>
          {t.noOrganizationsHint}
        </EmptyState>
      </>
    );
  const open = competitions.data.items;
  if (open.length === 0)
    return (
      <>
        <PageTitle title={t.title} />
        <EmptyState title={t.noOpen} />
      </>
    );

  const competition = open.find((c) => c.id === competitionId);
  const org = chosenOrg;
  const outOfRegion = !!competition && !!org && competition.regionCodes.length > 0 && !competition.regionCodes.includes(org.regionCode);
  const submitted = theirs.data?.items.filter((a) => COUNTED_AS_SUBMITTED.includes(a.status)).length;
  const atLimit = !!competition && submitted !== undefined && submitted >= competition.maxApplicationsPerOrganization;
  const blocked = outOfRegion || atLimit;

  return (
    <>
      <PageTitle title={t.title} />
      <Card withBorder padding="lg" maw={720}>
        <form noValidate onSubmit={(e) => { e.preventDefault(); if (competition && org && !blocked) mutation.mutate({ competitionId: competition.id, organizationId: org.id }); }}>
          <Stack>
            <Select label={t.competition} required data={open.map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }))} value={competitionId} onChange={setCompetitionId} />
            <Select label={t.organization} required data={orgs.data.map((o) => ({ value: o.id, label: `${o.shortName} (${o.regionCode} ${regionName(o.regionCode)})` }))}
              value={org?.id ?? null} onChange={setOrganizationId} />
            {outOfRegion && <Alert color="orange" role="alert">{t.regionMismatch}: {competition!.regionCodes.map((r) => `${r} ${regionName(r)}`).join(', ')}</Alert>}
            {competition && org && submitted !== undefined && (
              <Alert color={atLimit ? 'orange' : 'blue'} role={atLimit ? 'alert' : undefined} data-testid="organization-limit">
                {t.limit(competition.maxApplicationsPerOrganization, org.shortName, submitted)}
                {atLimit && <> {t.limitReached}</>}
              </Alert>
            )}
            <FormProblem error={mutation.error} />
            <div>
              <Button type="submit" disabled={!competition || !org || blocked} loading={mutation.isPending}>{t.submit}</Button>
            </div>
          </Stack>
        </form>
      </Card>
    </>
  );
}
