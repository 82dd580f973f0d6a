// Step 5: how each section stands, the spending's sums, and «Отправить отчёт». A refused submit (422) lists every
// problem, each a link that opens its step and focuses its field.
import { Alert, Anchor, Card, List, SimpleGrid, Stack, Text } from '@mantine/core';
import type { FieldProblem } from '../../../api/client';
import { ConfirmButton } from '../../../components/confirm-button';
import { useProblemText } from '../../../components/field-error';
import { Money } from '../../../components/money';
import { useT } from '../../../i18n';
import { describeReportPath, reportSections, spendingTotals } from './report-paths';
import type { ReportStepProps } from './step-props';
import { LabelledValue } from '../../../components/labelled-value';

const SUM = { fw: 700 } as const;

export function CheckStep({ report, fields, submitProblems, submitError, submitting, onSubmit, onGoTo }: Pick<ReportStepProps, 'report' | 'fields'> & {
  submitProblems: FieldProblem[];
  submitError: string | null;
  submitting: boolean;
  onSubmit: () => Promise<void>;
  onGoTo: (path: string) => void;
}) {
  const r = useT('reports');
  const t = r.check;
  const text = useProblemText();
  const plan = report.plan;
  const { states, eventsMarked, linesFilled } = reportSections(fields, report);
  const totals = spendingTotals(fields, plan);
  const colour = { filled: 'green.9', missing: 'orange.9', optional: 'gray.8' };
  const words = [
    t.eventsAddressed(eventsMarked, plan.calendarPlan.length),
    t.linesFilled(linesFilled, plan.budget.length),
    t.documents(report.attachments.length),
    states[3] === 'filled' ? t.filled : t.notFilled,
  ];
  return (
    <Stack gap="md">
      <Text>{t.intro}</Text>
      <Card withBorder padding="md">
        <Text fw={600} mb="xs">{t.sections}</Text>
        <List size="sm" spacing={4}>
          {r.editor.steps.slice(0, 4).map((name, i) => (
            <List.Item key={name}>{name} — <Text span fw={600} c={colour[states[i]]}>{states[i] === 'filled' ? `✓ ${words[i]}` : words[i]}</Text></List.Item>
          ))}
        </List>
      </Card>
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <LabelledValue label={r.spending.totalGrantSpent} value={SUM}><Money kopecks={totals.grantSpent} /></LabelledValue>
          <LabelledValue label={r.spending.totalCofinancingSpent} value={SUM}><Money kopecks={totals.cofinancingSpent} /></LabelledValue>
          <LabelledValue label={r.spending.awarded} value={SUM}><Money kopecks={plan.awardedKopecks} /></LabelledValue>
        </SimpleGrid>
      </Card>
      {submitProblems.length > 0 && (
        <Alert color="red" variant="light" title={t.problemsTitle(submitProblems.length)} role="alert" id="submit-problems" tabIndex={-1} data-testid="submit-problems">
          <List size="sm" spacing={4}>
            {submitProblems.map((p, i) => (
              <List.Item key={`${p.path}-${i}`}>
                <Anchor component="button" type="button" onClick={() => onGoTo(p.path)} c="red.9" fw={600} style={{ textAlign: 'left' }}>{describeReportPath(p.path, r, plan)}</Anchor>
                {': '}{text(p)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {submitError && <Alert color="red" role="alert">{submitError}</Alert>}
      <div>
        <ConfirmButton size="md" loading={submitting} label={t.submit} title={t.confirmTitle} text={t.confirmText} confirmLabel={t.submit}
          onConfirm={() => { void onSubmit(); }} />
      </div>
    </Stack>
  );
}
