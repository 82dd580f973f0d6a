// A report under the organiser's review (/organiser/reports/:reportId, where the «сдан» notice links): the report
// read-only beside the plan (events planned and done, spending against each line's grant part, documents, the
// narrative and links), the history of its rounds, and for a submitted report the decision: accept, or return with
// a general comment and a comment beside any field («Замечание»), sent as fieldComments by the plan's paths.
import { createContext, useContext, useState, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, List, Select, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  BUDGET_CATEGORY_LABELS, REPORT_EVENT_STATUS_LABELS, formatDate, formatFileSize, formatMoney, reviewReportBody, fieldIssueOf, fieldIssueText,
  type BudgetCategory, type FieldComment, type Report, type ReviewReportBody,
} from '@konkurs/shared';
import { isApiError } from '../../../api/client';
import { documentPaths, downloadDocument, downloadReportAttachment, reportKeys, reportQuery, reviewReport } from '../../../api/reports';
import { ConfirmButton } from '../../../components/confirm-button';
import { DateText } from '../../../components/date-text';
import { FormProblem, useProblemText } from '../../../components/field-error';
import { Money } from '../../../components/money';
import { PageTitle } from '../../../components/page-title';
import { ScrollTable } from '../../../components/scroll-region';
import { LabelledValue } from '../../../components/labelled-value';
import { ErrorState, Loading } from '../../../components/states';
import { useLang, useT } from '../../../i18n';
import { notify } from '../../../lib/notify';
import { useReportName } from '../../applicant/reports/report-page';
import { ReportStatusBadge } from '../../applicant/reports/report-status';
import { eventOf, overGrant, spendingOf, spendingTotals } from '../../applicant/reports/report-paths';
import { pathWords } from './report-words';
import '../../../lib/report-messages';

/** A fact of the report's head: small and bold. */
const FACT = { size: 'sm', fw: 600, component: 'div' } as const;

type Comments = {
  /** Whether the organiser may write comments now (a submitted report). */
  enabled: boolean;
  /** The comments being written, by path, in the order they were opened. */
  drafts: Record<string, string>;
  setDraft: (path: string, text: string | null) => void;
  /** The problem the server (or the form's own check) found with the comment on `path`. */
  problemOf: (path: string) => string | undefined;
  /** The comments of the latest return. */
  previous: readonly FieldComment[];
};
const CommentsContext = createContext<Comments | null>(null);
const useComments = () => useContext(CommentsContext)!;

/** An organiser's words on a light orange ground: the title in the darkest orange (the light variant's is too pale to read). */
const NOTE_STYLES = { title: { color: 'var(--mantine-color-orange-9)' }, message: { whiteSpace: 'pre-line' } } as const;

/** «Замечание» beside a field: opens a comment on `path` (hidden once one is open, and when the report is not under review). */
function CommentButton({ path }: { path: string }) {
  const c = useComments();
  const t = useT('reporting').review;
  if (!c.enabled || path in c.drafts) return null;
  return (
    <Button size="compact-xs" variant="subtle" px={4} aria-label={t.comment.buttonLabel(pathWords(path, t.fields))} onClick={() => c.setDraft(path, '')}>
      {t.comment.button}
    </Button>
  );
}

/** The comments on the fields `match` takes: the latest return's to read, the open ones to write. */
function CommentBox({ match }: { match: (path: string) => boolean }) {
  const c = useComments();
  const t = useT('reporting').review;
  const open = Object.keys(c.drafts).filter(match);
  const earlier = c.previous.filter((p) => match(p.path));
  if (open.length === 0 && earlier.length === 0) return null;
  return (
    <Stack gap={6}>
      {earlier.map((p, i) => (
        <Alert key={i} color="orange.9" variant="light" p="xs" title={`${t.comment.previous}: ${pathWords(p.path, t.fields)}`} styles={NOTE_STYLES}>
          {p.comment}
        </Alert>
      ))}
      {open.map((path) => (
        <Stack key={path} gap={4} p="sm" data-testid="comment-draft" data-path={path}
          style={{ borderLeft: '3px solid var(--mantine-color-orange-7)', background: 'var(--mantine-color-orange-0)', borderRadius: 4 }}>
          <Textarea label={t.comment.text(pathWords(path, t.fields))} autosize minRows={2} maxRows={8} autoFocus
            value={c.drafts[path]} onChange={(e) => c.setDraft(path, e.currentTarget.value)} error={c.problemOf(path)} />
          <Group>
            <Button size="compact-xs" variant="subtle" color="red" c="red.9" onClick={() => c.setDraft(path, null)}
              aria-label={`${t.comment.remove}: ${pathWords(path, t.fields)}`}>{t.comment.remove}</Button>
          </Group>
        </Stack>
      ))}
    </Stack>
  );
}

const exactly = (path: string) => (p: string) => p === path;
const under = (anchor: string) => (p: string) => p === anchor || p.startsWith(`${anchor}.`);

/** A part of the report with its title, its «Замечание» and the comments on it. */
function Section({ title, path, match, children }: { title: string; path?: string; match?: (p: string) => boolean; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="h4">{title}</Title>
          {path && <CommentButton path={path} />}
        </Group>
        {children}
        {path && <CommentBox match={match ?? exactly(path)} />}
      </Stack>
    </Card>
  );
}

/** A table row under a part's row that holds the comments on its fields, when there are any. */
function CommentRow({ anchor, columns }: { anchor: string; columns: number }) {
  const c = useComments();
  const match = under(anchor);
  if (!Object.keys(c.drafts).some(match) && !c.previous.some((p) => match(p.path))) return null;
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>
        {/* Held at the left edge of the scrolled table, as wide as the screen allows: a narrow screen writes it without scrolling. */}
        <div style={{ position: 'sticky', left: 0, width: 'min(100%, 48rem, calc(100vw - 4.5rem))' }}><CommentBox match={match} /></div>
      </Table.Td>
    </Table.Tr>
  );
}

const range = (start: string | null | undefined, end: string | null | undefined) => `${start ? formatDate(start) : '—'} — ${end ? formatDate(end) : '—'}`;

function EventsSection({ report }: { report: Report }) {
  const t = useT('reporting').review.events;
  const { lang } = useLang();
  const top = { verticalAlign: 'top' } as const;
  return (
    <Section title={t.title}>
      <ScrollTable minWidth={900} label={t.tableLabel} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">{t.n}</Table.Th><Table.Th>{t.event}</Table.Th><Table.Th>{t.actual}</Table.Th><Table.Th>{t.result}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.plan.calendarPlan.flatMap((p, i) => {
            const e = eventOf(report, i);
            const color = e.status === 'done' ? 'green' : e.status === 'partly' ? 'orange' : 'red';
            return [
              <Table.Tr key={i} data-testid="event-row">
                <Table.Td ta="right" style={top}>{i + 1}</Table.Td>
                <Table.Td style={top}>
                  <Text size="sm" fw={600}>{p.title ?? '—'}</Text>
                  <Text size="xs" c="dimmed">{t.planned}: {range(p.startDate, p.endDate)}</Text>
                </Table.Td>
                <Table.Td style={top}>
                  <Group gap={4}>
                    {e.status ? <Badge variant="light" color={color} c={`${color}.9`} tt="none">{REPORT_EVENT_STATUS_LABELS[lang][e.status]}</Badge>
                      : <Text size="sm" c="dimmed">{t.noStatus}</Text>}
                    <CommentButton path={`events.${i}.status`} />
                  </Group>
                  <Group gap={4} mt={4}>
                    <Text size="xs" style={{ whiteSpace: 'nowrap' }}>{range(e.actualStartDate, e.actualEndDate)}</Text>
                    <CommentButton path={`events.${i}.actualStartDate`} />
                  </Group>
                </Table.Td>
                <Table.Td style={top}>
                  {p.expectedResult && <Text size="xs" c="dimmed">{t.expected} {p.expectedResult}</Text>}
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{e.result || '—'}</Text>
                  <CommentButton path={`events.${i}.result`} />
                </Table.Td>
              </Table.Tr>,
              <CommentRow key={`${i}-comments`} anchor={`events.${i}`} columns={4} />,
            ];
          })}
        </Table.Tbody>
      </ScrollTable>
    </Section>
  );
}

function SpendingSection({ report }: { report: Report }) {
  const t = useT('reporting').review.spending;
  const tr = useT('reports');
  const { lang } = useLang();
  const totals = spendingTotals(report, report.plan);
  const red = { color: 'var(--mantine-color-red-9)', fontWeight: 700 } as const;
  const top = { verticalAlign: 'top' } as const;
  return (
    <Section title={t.title} path="spending">
      <ScrollTable minWidth={1040} label={t.tableLabel} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">{t.n}</Table.Th><Table.Th>{t.line}</Table.Th>
            <Table.Th ta="right">{t.grantPlanned}</Table.Th><Table.Th ta="right">{t.grantSpent}</Table.Th>
            <Table.Th ta="right">{t.cofinancingPlanned}</Table.Th><Table.Th ta="right">{t.cofinancingSpent}</Table.Th>
            <Table.Th>{t.note}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.plan.budget.flatMap((b, i) => {
            const s = spendingOf(report, i);
            const over = overGrant(report, report.plan, i);
            return [
              <Table.Tr key={i} data-testid="spending-row">
                <Table.Td ta="right" style={top}>{i + 1}</Table.Td>
                <Table.Td style={top}>
                  <Text size="sm">{b.item ?? '—'}</Text>
                  {b.category && <Text size="xs" c="dimmed">{BUDGET_CATEGORY_LABELS[lang][b.category as BudgetCategory] ?? b.category}</Text>}
                </Table.Td>
                <Table.Td ta="right" style={top}><Money kopecks={b.grantKopecks} /></Table.Td>
                <Table.Td ta="right" style={{ ...top, ...(over ? red : {}) }} data-over={over || undefined}>
                  <Money kopecks={s.grantSpentKopecks} />
                  {over && <Text size="xs" c="red.9" fw={600}>{t.over(formatMoney((s.grantSpentKopecks ?? 0) - b.grantKopecks, lang))}</Text>}
                  <div><CommentButton path={`spending.${i}.grantSpentKopecks`} /></div>
                </Table.Td>
                <Table.Td ta="right" style={top}><Money kopecks={b.cofinancingKopecks} /></Table.Td>
                <Table.Td ta="right" style={top}>
                  <Money kopecks={s.cofinancingSpentKopecks} />
                  <div><CommentButton path={`spending.${i}.cofinancingSpentKopecks`} /></div>
                </Table.Td>
                <Table.Td style={top}>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{s.note || '—'}</Text>
                  <CommentButton path={`spending.${i}.note`} />
                </Table.Td>
              </Table.Tr>,
              <CommentRow key={`${i}-comments`} anchor={`spending.${i}`} columns={7} />,
            ];
          })}
          <Table.Tr fw={700}>
            <Table.Td />
            <Table.Td>{t.total}</Table.Td>
            <Table.Td ta="right"><Money kopecks={totals.plannedGrant} /></Table.Td>
            <Table.Td ta="right" style={totals.grantSpent > report.plan.awardedKopecks ? red : undefined}><Money kopecks={totals.grantSpent} /></Table.Td>
            <Table.Td ta="right"><Money kopecks={totals.plannedCofinancing} /></Table.Td>
            <Table.Td ta="right"><Money kopecks={totals.cofinancingSpent} /></Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </ScrollTable>
      {(report.cofinancingNote || totals.cofinancingBelow) && (
        <Stack gap={4}>
          <Group gap="xs">
            <Text size="sm" fw={600}>{tr.paths.cofinancingNote}</Text>
            <CommentButton path="cofinancingNote" />
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{report.cofinancingNote || '—'}</Text>
          <CommentBox match={exactly('cofinancingNote')} />
        </Stack>
      )}
    </Section>
  );
}

function AttachmentsSection({ report }: { report: Report }) {
  const t = useT('reporting').review.attachments;
  const { lang } = useLang();
  const [error, setError] = useState<unknown>(null);
  return (
    <Section title={t.title} path="attachments">
      {report.attachments.length === 0 ? <Text size="sm" c="dimmed">{t.none}</Text> : (
        <List spacing={6} listStyleType="none" ml={0} pl={0}>
          {report.attachments.map((a) => (
            <List.Item key={a.id}>
              <Group gap="xs" wrap="wrap">
                <Anchor component="button" type="button" size="sm" aria-label={t.download(a.fileName)}
                  onClick={() => { setError(null); downloadReportAttachment(report.id, a.id, a.fileName).catch(setError); }}>
                  {a.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">{formatFileSize(a.sizeBytes, lang)} · {a.budgetIndex === null ? t.general : t.line(a.budgetIndex + 1)}</Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <FormProblem error={error} />
    </Section>
  );
}

function NarrativeSection({ report }: { report: Report }) {
  const t = useT('reporting').review;
  const tr = useT('reports');
  const links = report.links ?? [];
  return (
    <>
      <Section title={tr.paths.narrative!} path="narrative">
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{report.narrative || t.narrative.none}</Text>
      </Section>
      <Section title={tr.paths.links!} path="links" match={under('links')}>
        {links.length === 0 ? <Text size="sm" c="dimmed">{t.links.none}</Text> : (
          <List size="sm" spacing={4}>
            {links.map((l, i) => (
              <List.Item key={i}>
                <Anchor href={l} target="_blank" rel="noopener noreferrer nofollow" style={{ overflowWrap: 'anywhere' }}>{l}</Anchor>{' '}
                <CommentButton path={`links.${i}`} />
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </>
  );
}

function HistorySection({ report }: { report: Report }) {
  const t = useT('reporting').review.history;
  const tf = useT('reporting').review.fields;
  return (
    <Section title={t.title}>
      {report.history.length === 0 ? <Text size="sm" c="dimmed">{t.none}</Text> : (
        <Stack gap="sm" data-testid="report-history">
          {report.history.map((r) => (
            <Card key={r.round} withBorder padding="sm" radius="sm">
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={600}>{t.round(r.round)} · {t.submitted} <DateText value={r.submittedAt} withTime timeZone={report.timezone} /></Text>
                {r.decision ? (
                  <Badge variant="light" color={r.decision === 'accept' ? 'green' : 'orange'} c={r.decision === 'accept' ? 'green.9' : 'orange.9'} tt="none">{t.decision[r.decision]}</Badge>
                ) : <Badge variant="light" color="blue" c="blue.9" tt="none">{t.waiting}</Badge>}
              </Group>
              {r.reviewedAt && <Text size="xs" c="dimmed">{t.reviewedAt}: <DateText value={r.reviewedAt} withTime timeZone={report.timezone} /></Text>}
              {r.comment && <Text size="sm" mt={6} style={{ whiteSpace: 'pre-line' }}><b>{t.comment}:</b> {r.comment}</Text>}
              {r.fieldComments.length > 0 && (
                <>
                  <Text size="sm" fw={600} mt={6}>{t.fieldComments}</Text>
                  <List size="sm" spacing={2}>
                    {r.fieldComments.map((f, i) => <List.Item key={i}>{pathWords(f.path, tf)}: {f.comment}</List.Item>)}
                  </List>
                </>
              )}
            </Card>
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** Where each problem of a refused decision belongs: a comment's problem beside that comment (by the path it was sent for). */
function placeProblems(errors: readonly { path: string; text: string }[], sent: readonly FieldComment[]) {
  const byPath: Record<string, string> = {};
  const rest: string[] = [];
  for (const e of errors) {
    const m = /^fieldComments\.(\d+)/.exec(e.path);
    const target = m ? sent[Number(m[1])]?.path : e.path === 'comment' ? 'comment' : undefined;
    if (target) byPath[target] ??= e.text;
    else rest.push(e.path);
  }
  return { byPath, rest };
}

function DecisionPanel({ report, drafts, onDone, problems, setProblems }: {
  report: Report; drafts: Record<string, string>; onDone: () => void;
  problems: { byPath: Record<string, string>; error: unknown } | null;
  setProblems: (p: { byPath: Record<string, string>; error: unknown } | null) => void;
}) {
  const t = useT('reporting').review.decision;
  const { lang } = useLang();
  const text = useProblemText();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const fieldComments = Object.entries(drafts).filter(([, text]) => text.trim()).map(([path, text]) => ({ path, comment: text.trim() }));
  const bodyOf = (decision: 'accept' | 'return'): ReviewReportBody => ({
    decision, ...(comment.trim() ? { comment: comment.trim() } : {}), ...(decision === 'return' && fieldComments.length ? { fieldComments } : {}),
  });

  /** The form's own check, in the server's words: a return needs something said; each comment within its length. */
  function check(body: ReviewReportBody): boolean {
    if (body.decision === 'return' && !body.comment && !body.fieldComments?.length) {
      setProblems({ byPath: { comment: t.returnNeedsComment }, error: null });
      return false;
    }
    const parsed = reviewReportBody.safeParse(body);
    if (parsed.success) return true;
    const errors = parsed.error.issues.map((i) => { const f = fieldIssueOf(i, body); return { path: f.path, text: fieldIssueText(f, lang) }; });
    setProblems({ byPath: placeProblems(errors, body.fieldComments ?? []).byPath, error: null });
    return false;
  }

  async function decide(decision: 'accept' | 'return') {
    const body = bodyOf(decision);
    setProblems(null);
    try {
      const r = await reviewReport(report.id, body);
      queryClient.setQueryData(reportKeys.one(report.id), r);
      await queryClient.invalidateQueries({ queryKey: reportKeys.all });
      setComment('');
      onDone();
      notify(decision === 'accept' ? t.accepted : t.returned);
    } catch (e) {
      // A refused field goes beside its field, on the page; anything else stays in the dialog.
      if (isApiError(e, 400) && e.errors.length) {
        const placed = placeProblems(e.errors.map((x) => ({ path: x.path, text: text(x) })), body.fieldComments ?? []);
        setProblems({ byPath: placed.byPath, error: placed.rest.length ? e : null });
        return;
      }
      throw e;
    }
  }

  const shownPaths = problems?.error && isApiError(problems.error)
    ? problems.error.errors.filter((e) => e.path === 'comment' || /^fieldComments\.\d+/.test(e.path)).map((e) => e.path) : [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="decision-title" style={{ borderColor: 'var(--mantine-color-blue-6)' }}>
      <Stack gap="sm">
        <Title order={2} fz="h4" id="decision-title">{t.title}</Title>
        <Textarea label={t.comment} description={t.commentHint} autosize minRows={3} maxRows={10} value={comment}
          onChange={(e) => { setComment(e.currentTarget.value); setProblems(null); }} error={problems?.byPath.comment} />
        <Text size="sm" data-testid="field-comment-count">{t.fieldCount(fieldComments.length)}</Text>
        {problems?.error ? <FormProblem error={problems.error} shownPaths={shownPaths} /> : null}
        <Group gap="xs">
          <ConfirmButton color="green.9" label={t.accept} title={`${t.accept}?`} confirmLabel={t.accept} confirmColor="green.9"
            text={<>{t.acceptConfirm}{fieldComments.length > 0 && <><br />{t.acceptWithComments}</>}</>}
            beforeOpen={() => check(bodyOf('accept'))} onConfirm={() => decide('accept')} />
          <ConfirmButton color="orange.9" variant="outline" label={t.return} title={`${t.return}?`} confirmLabel={t.return} confirmColor="orange.9"
            text={t.returnConfirm(fieldComments.length)} beforeOpen={() => check(bodyOf('return'))} onConfirm={() => decide('return')} />
        </Group>
      </Stack>
    </Card>
  );
}


function DocumentButtons({ report }: { report: Report }) {
  const t = useT('reporting').review;
  const [error, setError] = useState<unknown>(null);
  const get = (path: string, name: string) => { setError(null); downloadDocument(path, name).catch(setError); };
  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={() => get(documentPaths.agreement(report.applicationId), t.agreementFile(report.applicationNumber))}>{t.agreementPdf}</Button>
        <Button size="xs" variant="default" onClick={() => get(documentPaths.application(report.applicationId), t.applicationFile(report.applicationNumber))}>{t.applicationPdf}</Button>
      </Group>
      <FormProblem error={error} />
    </Stack>
  );
}

export function ReportReview({ report }: { report: Report }) {
  const t = useT('reporting').review;
  const tl = useT('reporting').list;
  const name = useReportName();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<{ byPath: Record<string, string>; error: unknown } | null>(null);
  const enabled = report.status === 'submitted';
  const comments: Comments = {
    enabled, drafts, previous: report.fieldComments,
    setDraft: (path, text) => {
      setProblems(null);
      setDrafts((d) => {
        const next = { ...d };
        if (text === null) delete next[path];
        else next[path] = text;
        return next;
      });
    },
    problemOf: (path) => problems?.byPath[path],
  };
  const plan = report.plan;
  return (
    <CommentsContext.Provider value={comments}>
      <Anchor component={Link} to={`/organiser/competitions/${report.competitionId}/reporting`} size="sm">← {t.back}</Anchor>
      <PageTitle title={t.title(name(report), report.applicationNumber)}
        subtitle={<>{report.applicationTitle ?? ''}{report.applicationTitle ? ' · ' : ''}{report.organizationName} · {report.competitionTitle}</>}
        actions={<DocumentButtons report={report} />} />
      <Stack gap="md">
        <Card withBorder padding="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            <LabelledValue value={FACT} label={tl.status}><ReportStatusBadge status={report.status} overdue={report.overdue} /></LabelledValue>
            <LabelledValue value={FACT} label={t.dueAt}><DateText value={report.dueAt} timeZone={report.timezone} /></LabelledValue>
            <LabelledValue value={FACT} label={t.submittedAt}><DateText value={report.submittedAt} withTime timeZone={report.timezone} /></LabelledValue>
            <LabelledValue value={FACT} label={t.acceptedAt}><DateText value={report.acceptedAt} withTime timeZone={report.timezone} /></LabelledValue>
            <LabelledValue value={FACT} label={t.awarded}><Money kopecks={plan.awardedKopecks} /></LabelledValue>
            <LabelledValue value={FACT} label={tl.spent}><Money kopecks={report.grantSpentKopecks} /></LabelledValue>
          </SimpleGrid>
          <Text size="sm" c="dimmed" mt="sm">{t.period(plan.startDate ? formatDate(plan.startDate) : '—', plan.endDate ? formatDate(plan.endDate) : '—')} · {t.version(report.version)}</Text>
        </Card>
        {report.overdue && <Alert color="red.9" variant="outline" role="status">{t.overdue}</Alert>}
        {(report.status === 'due' || report.status === 'draft') && <Alert color="gray" variant="light">{t.notSubmitted}</Alert>}
        {report.status === 'returned' && (
          <Alert color="orange.9" variant="light" title={t.returnedNote} styles={NOTE_STYLES} data-testid="returned-note">
            {report.comment}{report.comment && report.fieldComments.length > 0 && '\n'}{report.fieldComments.length > 0 && t.returnedFields}
          </Alert>
        )}
        <EventsSection report={report} />
        <SpendingSection report={report} />
        <AttachmentsSection report={report} />
        <NarrativeSection report={report} />
        {enabled && <DecisionPanel report={report} drafts={drafts} onDone={() => setDrafts({})} problems={problems} setProblems={setProblems} />}
        <HistorySection report={report} />
      </Stack>
    </CommentsContext.Provider>
  );
}

export function ReportReviewPage() {
  const { reportId = '' } = useParams();
  const query = useQuery(reportQuery(reportId));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  return <ReportReview key={query.data.id} report={query.data} />;
}
