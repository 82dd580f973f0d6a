// The audit log (admin): newest first, each event a sentence (who did what to which object, and what changed),
// filtered by object type, action, dates or one object's history, paged by cursor; the latest published checkpoint
// and the check of the hash chain against it.
import { useState } from 'react';
import { Alert, Anchor, Button, Card, Code, Collapse, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { AUDIT_ENTITY_LABELS, AUDIT_ENTITY_TYPES, ROLE_LABELS, type AuditEntityType, type AuditEvent, type AuditVerification } from '@konkurs/shared';
import { auditCheckpointQuery, auditQuery, verifyAudit, type AuditFilter } from '../../api/audit';
import { DateField } from '../../components/date-fields';
import { DateText } from '../../components/date-text';
import { FormProblem } from '../../components/field-error';
import { LoadMore, useCursorList } from '../../components/load-more';
import { PageTitle } from '../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useLang, useT } from '../../i18n';
import { actionOptions, EventChanges, eventFields, eventSentence, objectLabel, type AuditWords } from './audit-event';

/** Changes shown before "Подробнее" (a competition's creation records every setting). */
const SHOWN_FIELDS = 4;

/** The verdict in words: intact, or what the chain no longer matches (a broken link, a kept checkpoint). */
function verdict(v: AuditVerification, t: AuditWords): string {
  if (v.ok) return t.verifyOk(v.events);
  if (v.reason === 'fewer-events') return t.verifyFewer(v.events, v.checkpoint?.events ?? 0);
  if (v.reason === 'hash-differs') return t.verifyDiffers(v.checkpoint?.events ?? 0);
  if (v.reason === 'signature-invalid') return t.verifyUnsigned;
  return t.verifyBroken(v.brokenAt ?? 0);
}

/** A hash people can compare at a glance; the whole one is in the tooltip. */
const shortHash = (hash: string) => `${hash.slice(0, 12)}…`;

function VerifyChain() {
  const t = useT('admin').audit;
  const checkpoint = useQuery(auditCheckpointQuery());
  // Against the published checkpoint as well: the chain must still extend what was signed and published.
  const mutation = useMutation({ mutationFn: () => verifyAudit(checkpoint.data) });
  return (
    <Stack gap="xs">
      <Group><Button onClick={() => mutation.mutate()} loading={mutation.isPending}>{t.verify}</Button></Group>
      {checkpoint.data && (
        <Text size="xs" c="dimmed" data-testid="audit-checkpoint" title={t.checkpointHint} style={{ overflowWrap: 'anywhere' }}>
          {t.checkpoint(checkpoint.data.events)} <Code title={checkpoint.data.headHash}>{shortHash(checkpoint.data.headHash)}</Code> · <DateText value={checkpoint.data.at} withTime />
        </Text>
      )}
      <FormProblem error={mutation.error} />
      {mutation.data && (
        <Alert role="status" data-testid="verify-result" color={mutation.data.ok ? 'green.9' : 'red.9'} variant="outline" title={verdict(mutation.data, t)}>
          {mutation.data.checkpoints ? <Text size="xs">{t.verifiedAgainst(mutation.data.checkpoints)}</Text> : null}
        </Alert>
      )}
    </Stack>
  );
}

/** The start of a Moscow calendar day as an instant (Moscow keeps +03:00 all year). */
const moscowDayStart = (date: string) => `${date}T00:00:00+03:00`;
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The object one event is about, to read its whole history: an assignment's or a review's is its application's. */
function historyOf(e: AuditEvent): Pick<AuditFilter, 'entityType' | 'entityId'> {
  if ((e.entityType === 'assignment' || e.entityType === 'review') && e.entity?.applicationId) return { entityType: 'application', entityId: e.entity.applicationId };
  return { entityType: e.entityType, entityId: e.entityId };
}

function EventItem({ event: e, onHistory }: { event: AuditEvent; onHistory: (e: AuditEvent) => void }) {
  const t = useT('admin').audit;
  const { lang } = useLang();
  const [open, setOpen] = useState(false);
  const fields = eventFields(e);
  return (
    <Card withBorder padding="sm" component="li" data-testid="audit-event" style={{ listStyle: 'none', minWidth: 0 }}>
      <Group gap="xs" wrap="wrap" mb={4}>
        <Text size="xs" c="dimmed"><DateText value={e.at} withTime /></Text>
        <Text size="xs" c="dimmed">· {AUDIT_ENTITY_LABELS[lang][e.entityType]}</Text>
        {e.actor && <Text size="xs" c="dimmed">· {ROLE_LABELS[lang][e.actor.role]}</Text>}
        <Text size="xs" c="dimmed">· {t.eventNumber(e.id)}</Text>
      </Group>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="audit-sentence">
        <b>{e.actor?.fullName ?? t.systemActor}</b> {eventSentence(e, t)}
      </Text>
      <Stack gap={4} mt={6}>
        <EventChanges event={e} fields={open ? fields : fields.slice(0, SHOWN_FIELDS)} />
        <Collapse in={open}>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{t.integrity}: <Code>{e.hash}</Code></Text>
        </Collapse>
        <Group gap="md">
          <Anchor component="button" type="button" size="xs" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? t.hide : t.show}</Anchor>
          {e.entity && <Anchor component="button" type="button" size="xs" onClick={() => onHistory(e)}>{t.history}</Anchor>}
        </Group>
      </Stack>
    </Card>
  );
}

export function AuditPage() {
  const t = useT('admin').audit;
  const { lang } = useLang();
  const [entityType, setEntityType] = useState<AuditEntityType | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [object, setObject] = useState<{ entityType: AuditEntityType; entityId: string; label: string } | null>(null);
  const [filter, setFilter] = useState<AuditFilter>({});
  const { query, items: events, more } = useCursorList(auditQuery(filter));

  const apply = (o = object) => setFilter({
    entityType: o?.entityType ?? entityType ?? undefined, entityId: o?.entityId, action: action ?? undefined,
    from: from ? moscowDayStart(from) : undefined, to: to ? moscowDayStart(nextDay(to)) : undefined,
  });
  const showHistory = (e: AuditEvent) => {
    const h = historyOf(e);
    const label = `${AUDIT_ENTITY_LABELS[lang][h.entityType!]} ${objectLabel(e, t)}`;
    // The whole history: the action and the dates chosen for the list no longer apply.
    setObject({ entityType: h.entityType!, entityId: h.entityId!, label });
    setAction(null);
    setFrom(null);
    setTo(null);
    setFilter({ entityType: h.entityType, entityId: h.entityId });
    window.scrollTo({ top: 0 });
  };
  const reset = () => { setEntityType(null); setAction(null); setFrom(null); setTo(null); setObject(null); setFilter({}); };

  return (
    <>
      <PageTitle title={t.title} subtitle={t.subtitle} actions={<VerifyChain />} />
      <Stack>
        <form onSubmit={(e) => { e.preventDefault(); apply(); }} aria-label={t.apply}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <Select label={t.entityType} placeholder={t.anyType} clearable value={object ? object.entityType : entityType} disabled={!!object}
              onChange={(v) => setEntityType(v as AuditEntityType | null)} data={AUDIT_ENTITY_TYPES.map((value) => ({ value, label: AUDIT_ENTITY_LABELS[lang][value] }))} />
            <Select label={t.actionFilter} placeholder={t.anyAction} clearable searchable value={action} onChange={setAction} data={actionOptions(t)}
              comboboxProps={{ width: 'target' }} />
            <DateField label={t.from} value={from} onChange={setFrom} clearable />
            <DateField label={t.to} value={to} onChange={setTo} clearable />
          </SimpleGrid>
          <Group mt="sm" gap="sm">
            <Button type="submit" variant="default">{t.apply}</Button>
            <Button type="button" variant="subtle" onClick={reset}>{t.reset}</Button>
          </Group>
        </form>
        {object && (
          <Alert variant="light" title={t.historyOf(object.label)} data-testid="audit-object" styles={{ title: { overflowWrap: 'anywhere' } }}>
            <Button size="xs" variant="default" onClick={() => { setObject(null); setFilter((f) => ({ ...f, entityType: entityType ?? undefined, entityId: undefined })); }}>{t.showAll}</Button>
          </Alert>
        )}
        {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : events.length === 0 ? <EmptyState title={t.empty} /> : (
          <>
            <Stack component="ol" gap="xs" p={0} m={0} aria-label={t.tableLabel}>
              {events.map((e) => <EventItem key={e.id} event={e} onHistory={showHistory} />)}
            </Stack>
            <LoadMore {...more} />
          </>
        )}
      </Stack>
    </>
  );
}
