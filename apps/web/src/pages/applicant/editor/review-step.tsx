// The last step: what is filled, the budget figures, and the submit. A refused submit (422) lists every
// problem with a link that opens the step and focuses the field.
import { Alert, Anchor, Card, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { acceptsApplications, budgetTotals, type DraftFields } from '@konkurs/shared';
import type { FieldProblem } from '../../../api/client';
import { useProblemText } from '../../../components/field-error';
import { ConfirmButton } from '../../../components/confirm-button';
import { Money } from '../../../components/money';
import { useT } from '../../../i18n';
import { describePath } from './field-paths';
import type { StepProps } from './step-props';

const has = (s: string | null | undefined) => !!s && s.trim().length > 0;

/** A quick look at which sections have something in them (the server's check is the real one). */
export function sectionsFilled(f: DraftFields, attachmentsOk: boolean): boolean[] {
  return [
    has(f.title) && !!f.directionCode && has(f.summary) && has(f.relevance) && has(f.goal) && !!f.tasks?.length && !!f.targetGroups?.length && !!f.geographyRegionCodes?.length && !!f.startDate && !!f.endDate,
    !!f.team?.length,
    !!f.calendarPlan?.length,
    !!f.budget?.length,
    attachmentsOk,
  ];
}

export function ReviewStep({ fields, competition, filled, submitProblems, submitError, submitting, onSubmit, onGoTo }: Pick<StepProps, 'fields' | 'competition'> & {
  /** Which of the first five sections have content (sectionsFilled). */
  filled: boolean[];
  submitProblems: FieldProblem[];
  submitError: string | null;
  submitting: boolean;
  onSubmit: () => void;
  onGoTo: (path: string) => void;
}) {
  const a = useT('applicant');
  const t = a.review;
  const text = useProblemText();
  const totals = budgetTotals(fields.budget);
  const closed = !acceptsApplications(competition, Date.now());

  return (
    <Stack gap="md">
      <Text>{t.intro}</Text>
      <Card withBorder padding="md">
        <Text fw={600} mb="xs">{t.sections}</Text>
        <List size="sm" spacing={4}>
          {a.editor.steps.slice(0, 5).map((name, i) => (
            <List.Item key={name}>
              {name} — <Text span fw={600} c={filled[i] ? 'green.9' : 'orange.9'}>{filled[i] ? `✓ ${t.filled}` : t.notFilled}</Text>
            </List.Item>
          ))}
        </List>
      </Card>
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <div><Text size="xs" c="dimmed" tt="uppercase" fw={600}>{a.budget.total}</Text><Text fw={700}><Money kopecks={totals.totalCostKopecks} /></Text></div>
          <div><Text size="xs" c="dimmed" tt="uppercase" fw={600}>{a.budget.cofinancingTotal}</Text><Text fw={700}><Money kopecks={totals.cofinancingKopecks} /></Text></div>
          <div><Text size="xs" c="dimmed" tt="uppercase" fw={600}>{a.budget.requested}</Text><Text fw={700}><Money kopecks={totals.requestedKopecks} /></Text></div>
        </SimpleGrid>
      </Card>
      {submitProblems.length > 0 && (
        <Alert color="red" variant="light" title={t.problemsTitle(submitProblems.length)} role="alert" id="submit-problems" tabIndex={-1}>
          <List size="sm" spacing={4}>
            {submitProblems.map((p) => (
              <List.Item key={p.path + p.message}>
                <Anchor component="button" type="button" onClick={() => onGoTo(p.path)} c="red.9" fw={600}>{describePath(p.path, a)}</Anchor>
                {': '}{text(p)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {submitError && <Alert color="red" role="alert">{submitError}</Alert>}
      {closed && <Alert color="orange">{t.closed}</Alert>}
      <Group>
        {/* The dialog closes at once: the submit's problems are listed on this step, not in the dialog. */}
        <ConfirmButton size="md" loading={submitting} disabled={closed} label={t.submit} title={t.confirmTitle} text={t.confirmText}
          confirmLabel={t.submit} onConfirm={() => { onSubmit(); }} />
      </Group>
    </Stack>
  );
}
