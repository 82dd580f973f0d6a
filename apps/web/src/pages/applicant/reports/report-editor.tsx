// The report as steps (events, spending, documents, narrative, check), saved as you type (use-report-autosave.ts).
// A returned report shows the organiser's comments beside the fields they concern and marks the steps that have
// them. Problems the server names (a refused save, a refused submit's 422) sit next to their fields and are listed
// on the last step, each a link to its field.
import { useCallback, useMemo, useState } from 'react';
import { Badge, Button, Card, Group, NativeSelect, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import type { Report } from '@konkurs/shared';
import { reportKeys, reportQuery, submitReport } from '../../../api/reports';
import { StaleVersionBanner } from '../../../components/stale-version-banner';
import { useT } from '../../../i18n';
import { AutosaveStatus, PendingEditsBanner } from '../../../lib/save-status';
import { notify } from '../../../lib/notify';
import { useSteppedSubmit } from '../editor/use-stepped-submit';
import { CheckStep } from './check-step';
import { DocumentsStep } from './documents-step';
import { EventsStep } from './events-step';
import { NarrativeStep } from './narrative-step';
import { commentsByPath, REPORT_STEP, reportSections, reportStepOfPath, stepsWithComments } from './report-paths';
import { SpendingStep } from './spending-step';
import type { ReportStepProps } from './step-props';
import { useReportAutosave } from './use-report-autosave';

export function ReportEditor({ report, autosaveDelayMs }: { report: Report; autosaveDelayMs?: number }) {
  const r = useT('reports');
  const t = r.editor;
  const queryClient = useQueryClient();
  const phone = useMediaQuery('(max-width: 48em)');

  const draft = useReportAutosave(report, { delayMs: autosaveDelayMs });
  const [restored] = useState(() => draft.pending !== null);
  const { step, setStep, problems, submitProblems, setSubmitProblems, submitError, submitting, goTo, attempt, settle } = useSteppedSubmit({
    lastStep: REPORT_STEP.check, stepOfPath: reportStepOfPath, refusedSave: draft.status.kind === 'rejected' ? draft.status.error : null,
  });

  const comments = useMemo(() => (report.status === 'returned' ? commentsByPath(report.fieldComments) : {}), [report.status, report.fieldComments]);
  const commented = useMemo(() => (report.status === 'returned' ? stepsWithComments(report.fieldComments) : new Set<number>()), [report.status, report.fieldComments]);

  const submit = () => attempt(async () => {
    if (!(await draft.flush())) return;
    const submitted = await submitReport(report.id);
    setSubmitProblems([]);
    queryClient.setQueryData(reportQuery(report.id).queryKey, submitted);
    await queryClient.invalidateQueries({ queryKey: reportKeys.ofApplication(report.applicationId) });
    notify(r.check.submitted);
  });

  // Editing a field settles its submit problems until the next submit.
  const set: ReportStepProps['set'] = useCallback((key, value) => {
    draft.setField(key, value);
    settle([key]);
  }, [draft.setField, settle]);

  const stepProps: ReportStepProps = { report, fields: draft.fields, set, problems, comments };
  const body = [
    <EventsStep key="events" {...stepProps} />,
    <SpendingStep key="spending" {...stepProps} />,
    <DocumentsStep key="documents" report={report} problems={problems} comments={comments} />,
    <NarrativeStep key="narrative" {...stepProps} />,
    <CheckStep key="check" report={report} fields={draft.fields} submitProblems={submitProblems} submitError={submitError} submitting={submitting} onSubmit={submit} onGoTo={goTo} />,
  ][step];
  const sections = reportSections(draft.fields, report).states;
  const stepName = (s: string, i: number) => (commented.has(i) ? t.stepHasComments(s) : s);

  return (
    <>
      {draft.isConflict && <StaleVersionBanner title={t.conflictTitle} text={t.conflictText} onReload={draft.reload} mb="md" />}
      {draft.pending && !draft.isConflict && (
        <PendingEditsBanner pending={draft.pending} fieldNames={r.paths} restored={restored} onApply={draft.applyPending} onDiscard={draft.discardPending} texts={t} />
      )}
      <Card withBorder padding="sm" mb="md" style={{ position: 'sticky', top: 72, zIndex: 5 }}>
        <Group justify="space-between" gap="xs">
          {phone ? (
            <NativeSelect aria-label={t.stepsLabel} value={String(step)} onChange={(e) => setStep(Number(e.currentTarget.value))}
              data={t.steps.map((s, i) => ({ value: String(i), label: `${i + 1}. ${stepName(s, i)}` }))} style={{ flex: 1, minWidth: 0 }} />
          ) : (
            <Text size="sm" c="dimmed">{report.applicationNumber}</Text>
          )}
          <AutosaveStatus status={draft.status} onRetry={() => void draft.save()} texts={t} />
        </Group>
      </Card>
      {!phone && (
        <nav aria-label={t.stepsLabel}>
          <Stepper active={step} onStepClick={setStep} size="sm" mb="lg" allowNextStepsSelect wrap={false}>
            {t.steps.map((s, i) => (
              // A step behind the current one gets a check mark only when it is complete.
              <Stepper.Step key={s} label={s} data-commented={commented.has(i) || undefined}
                color={sections[i] && sections[i] !== 'filled' ? 'gray.7' : undefined} completedIcon={sections[i] && sections[i] !== 'filled' ? i + 1 : undefined}
                description={commented.has(i) ? <Badge color="orange.9" variant="outline" size="xs" tt="none">{t.hasComments}</Badge> : undefined} />
            ))}
          </Stepper>
        </nav>
      )}
      <Card withBorder padding="lg" component="section" aria-labelledby="step-title">
        <Group gap="sm" mb="md" align="center">
          <Text component="h2" fz="xl" fw={700} id="step-title">{t.steps[step]}</Text>
          {commented.has(step) && <Badge color="orange.9" variant="outline" tt="none">{t.hasComments}</Badge>}
        </Group>
        {body}
      </Card>
      <Group justify="space-between" mt="md">
        <Button variant="default" onClick={() => setStep(step - 1)} disabled={step === 0}>← {t.prev}</Button>
        {step < REPORT_STEP.check && <Button variant="default" onClick={() => setStep(step + 1)}>{t.next} →</Button>}
      </Group>
    </>
  );
}
