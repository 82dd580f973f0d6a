// The application form as steps, saved as you type (use-autosave.ts). Problems the server names —
// at save (400) or at submit (422) — are shown next to their fields and listed on the last step.
import { useCallback, useState } from 'react';
import { Button, Card, Group, NativeSelect, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Application, Competition } from '@konkurs/shared';
import { applicationKeys, checkSubmission, submitApplication } from '../../../api/applications';
import { StaleVersionBanner } from '../../../components/stale-version-banner';
import { useT } from '../../../i18n';
import { notify } from '../../../lib/notify';
import { useSteppedSubmit } from './use-stepped-submit';
import { AttachmentsStep } from './attachments-step';
import { BudgetTable } from './budget-table';
import { CalendarPlanStep } from './calendar-plan-step';
import { stepOfPath, STEP } from './field-paths';
import { ProjectCardStep } from './project-card-step';
import { ReviewStep, sectionsFilled } from './review-step';
import { PendingBanner, SaveStatusLine } from './save-status';
import { TeamStep } from './team-step';
import { useAutosave } from './use-autosave';

export function ApplicationEditor({ application, competition, autosaveDelayMs }: { application: Application; competition: Competition; autosaveDelayMs?: number }) {
  const a = useT('applicant');
  const t = a.editor;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 48em)');

  const draft = useAutosave(application, { delayMs: autosaveDelayMs });
  const [restored] = useState(() => draft.pending !== null);
  // Field errors: the last refused submit, then a refused save (400) on top.
  const { step, setStep, problems, submitProblems, setSubmitProblems, submitError, submitting, goTo, attempt, settle } = useSteppedSubmit({
    lastStep: STEP.review, stepOfPath, refusedSave: draft.status.kind === 'rejected' ? draft.status.error : null,
  });

  // The server's check before the confirmation: what it refuses is listed here, and nobody confirms in vain.
  const check = async (): Promise<boolean> => Boolean(await attempt(async () => {
    if (!(await draft.flush())) return false;
    await checkSubmission(application.id);
    setSubmitProblems([]);
    return true;
  }));

  const submit = () => attempt(async () => {
    if (!(await draft.flush())) return;
    await submitApplication(application.id);
    await queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    notify(a.review.submitted);
    navigate(`/applicant/applications/${application.id}`, { replace: true });
  });

  // Editing a field settles its submit problems (the budget's also settle the totals' ones) until the next submit.
  const set: typeof draft.setField = useCallback((key, value) => {
    draft.setField(key, value);
    settle(key === 'budget' ? ['budget', 'requestedKopecks', 'cofinancingKopecks'] : [key]);
  }, [draft.setField, settle]);
  const stepProps = { fields: draft.fields, set, problems, competition, application };
  const filled = sectionsFilled(draft.fields, competition, application.attachments);
  const body = [
    <ProjectCardStep key="card" {...stepProps} />,
    <TeamStep key="team" {...stepProps} />,
    <CalendarPlanStep key="plan" {...stepProps} />,
    <BudgetTable key="budget" lines={draft.fields.budget ?? []} onChange={(l) => set('budget', l)} bounds={competition} problems={problems} />,
    <AttachmentsStep key="files" application={application} competition={competition} problems={problems} onChanged={() => {}} />,
    <ReviewStep key="review" {...stepProps} filled={filled} submitProblems={submitProblems} submitError={submitError} submitting={submitting} onCheck={check} onSubmit={submit} onGoTo={goTo} />,
  ][step];

  return (
    <>
      {draft.isConflict && <StaleVersionBanner title={t.conflictTitle} text={t.conflictText} onReload={draft.reload} mb="md" />}
      {draft.pending && !draft.isConflict && (
        <PendingBanner pending={draft.pending} fieldNames={a.fieldNames} restored={restored} onApply={draft.applyPending} onDiscard={draft.discardPending} />
      )}
      <Card withBorder padding="sm" mb="md" style={{ position: 'sticky', top: 72, zIndex: 5 }}>
        <Group justify="space-between" gap="xs">
          {phone ? (
            <NativeSelect aria-label={t.stepsLabel} value={String(step)} onChange={(e) => setStep(Number(e.currentTarget.value))}
              data={t.steps.map((s, i) => ({ value: String(i), label: `${i + 1}. ${s}` }))} style={{ flex: 1 }} />
          ) : (
            <Text size="sm" c="dimmed">{application.number}</Text>
          )}
          <SaveStatusLine status={draft.status} onRetry={() => void draft.save()} />
        </Group>
      </Card>
      {!phone && (
        <nav aria-label={t.stepsLabel}>
          <Stepper active={step} onStepClick={setStep} size="sm" mb="lg" allowNextStepsSelect wrap={false}>
            {t.steps.map((s, i) => (
              // A step behind the current one gets a check mark only when it is complete.
              <Stepper.Step key={s} label={s} color={filled[i] && filled[i] !== 'filled' ? 'gray.7' : undefined} completedIcon={filled[i] && filled[i] !== 'filled' ? i + 1 : undefined} />
            ))}
          </Stepper>
        </nav>
      )}
      <Card withBorder padding="lg" component="section" aria-labelledby="step-title">
        <Text component="h2" fz="xl" fw={700} mb="md" id="step-title">{t.steps[step]}</Text>
        {body}
      </Card>
      <Group justify="space-between" mt="md">
        <Button variant="default" onClick={() => setStep(step - 1)} disabled={step === 0}>← {t.prev}</Button>
        {step < STEP.review && <Button variant="default" onClick={() => setStep(step + 1)}>{t.next} →</Button>}
      </Group>
    </>
  );
}
