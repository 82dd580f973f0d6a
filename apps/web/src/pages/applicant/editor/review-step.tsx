// The last step: what is filled, the budget figures, and the submit. A refused submit (422) lists every
// problem with a link that opens the step and focuses the field.
import { Alert, Anchor, Card, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { acceptsApplications, budgetTotals, missingRequired, type Attachment, type Competition, type DraftFields } from '@konkurs/shared';
import type { FieldProblem } from '../../../api/client';
import { useProblemText } from '../../../components/field-error';
import { ConfirmButton } from '../../../components/confirm-button';
import { Money } from '../../../components/money';
import { useT } from '../../../i18n';
import { describePath, STEP, stepOfPath } from './field-paths';
import type { StepProps } from './step-props';

/** How a section stands: every field a submit requires is there, something is missing, or nothing is asked (documents none of which is required). */
export type SectionState = 'filled' | 'missing' | 'optional';

/**
 * Which of the first five sections are complete, by shared's rule of what a submit requires (missingRequired) and
 * the competition's required documents. The competition's other rules (amounts, dates) are the server's check.
 */
export function sectionsFilled(f: DraftFields, competition: Pick<Competition, 'requiredAttachmentKinds'>, attachments: Pick<Attachment, 'kind'>[]): SectionState[] {
  const missing = new Set(missingRequired(f).map((p) => stepOfPath(p.path)));
  const states: SectionState[] = [STEP.card, STEP.team, STEP.plan, STEP.budget].map((step) => (missing.has(step) ? 'missing' : 'filled'));
  const required = competition.requiredAttachmentKinds;
  states.push(required.some((k) => !attachments.some((a) => a.kind === k)) ? 'missing' : required.length || attachments.length ? 'filled' : 'optional');
  return states;
}

export function ReviewStep({ fields, competition, filled, submitProblems, submitError, submitting, onCheck, onSubmit, onGoTo }: Pick<StepProps, 'fields' | 'competition'> & {
  /** How each of the first five sections stands (sectionsFilled). */
  filled: SectionState[];
  submitProblems: FieldProblem[];
  submitError: string | null;
  submitting: boolean;
  /** The server's check (saving first): the confirmation is asked only when it passes. */
  onCheck: () => Promise<boolean>;
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
              {name} — <Text span fw={600} c={{ filled: 'green.9', missing: 'orange.9', optional: 'gray.8' }[filled[i]]}>
                {{ filled: `✓ ${t.filled}`, missing: t.notFilled, optional: t.optional }[filled[i]]}
              </Text>
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
        {/* The server checks first; the irreversible confirmation is asked only of an application it would accept.
            The dialog closes at once: a late refusal's problems are listed on this step, not in the dialog. */}
        <ConfirmButton size="md" loading={submitting} disabled={closed} label={t.submit} title={t.confirmTitle} text={t.confirmText}
          confirmLabel={t.submit} beforeOpen={onCheck} onConfirm={() => { onSubmit(); }} />
      </Group>
    </Stack>
  );
}
