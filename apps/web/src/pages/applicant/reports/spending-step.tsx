// Step 2: each budget line as the application planned it (its total, the grant's part and the co-financing), then
// what was spent from each, cumulatively since the project's start. A line over its grant part says so at once;
// the sums run as you type.
import { Card, Grid, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { BUDGET_CATEGORY_LABELS, formatMoney, type BudgetCategory } from '@konkurs/shared';
import { useProblemText } from '../../../components/field-error';
import { Money } from '../../../components/money';
import { EmptyState } from '../../../components/states';
import { useLang, useT } from '../../../i18n';
import { MoneyInput } from '../editor/controls';
import { fieldId } from '../editor/field-paths';
import { FieldComment } from './field-comment';
import { overGrant, spendingOf, spendingTotals, withSpending } from './report-paths';
import type { ReportStepProps } from './step-props';
import { LabelledValue } from '../../../components/labelled-value';

/** A sum: bold. */
const FIGURE = { fw: 600 } as const;

export function SpendingStep({ report, fields, set, problems, comments }: ReportStepProps) {
  const t = useT('reports').spending;
  const { lang } = useLang();
  const budget = report.plan.budget;
  const text = useProblemText();
  const totals = spendingTotals(fields, report.plan);
  const overAward = totals.grantSpent > report.plan.awardedKopecks;
  if (budget.length === 0) return <EmptyState title={t.empty} />;
  return (
    <Stack gap="md" id={fieldId('spending')} tabIndex={-1}>
      <Text size="sm" c="dimmed">{t.cumulative}</Text>
      {problems.spending && <Text c="red.9" size="sm" role="alert">{problems.spending}</Text>}
      <FieldComment path="spending" comments={comments} />
      {budget.map((line, i) => {
        const s = spendingOf(fields, i);
        const path = (f: string) => `spending.${i}.${f}`;
        const name = `${t.line(i + 1)}: ${line.item || (line.category ? BUDGET_CATEGORY_LABELS[lang][line.category as BudgetCategory] : '') || '—'}`;
        const update = (patch: Parameters<typeof withSpending>[2]) => set('spending', withSpending(fields, i, patch));
        // The submit's own words for the same rule, at once.
        const over = overGrant(fields, report.plan, i) ? text({ code: 'over-budget-line', params: { limitKopecks: line.grantKopecks, spentKopecks: s.grantSpentKopecks ?? 0 } }) : undefined;
        return (
          <Card key={i} withBorder padding="md" component="section" role="group" aria-labelledby={`line-${i}-title`} id={fieldId(`spending.${i}`)} tabIndex={-1}>
            <Text component="h3" fz="md" fw={700} id={`line-${i}-title`} style={{ overflowWrap: 'anywhere' }}>{name}</Text>
            {line.category && line.item && <Text size="sm" c="dimmed">{BUDGET_CATEGORY_LABELS[lang][line.category as BudgetCategory] ?? ''}</Text>}
            <SimpleGrid cols={{ base: 1, xs: 3 }} mt="xs" spacing="xs">
              <LabelledValue value={FIGURE} label={t.plannedTotal}><Money kopecks={line.totalKopecks} /></LabelledValue>
              <LabelledValue value={FIGURE} label={t.plannedGrant}><Money kopecks={line.grantKopecks} /></LabelledValue>
              <LabelledValue value={FIGURE} label={t.plannedCofinancing}><Money kopecks={line.cofinancingKopecks} /></LabelledValue>
            </SimpleGrid>
            <FieldComment path={`spending.${i}`} comments={comments} />
            <Grid mt="sm">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <MoneyInput id={fieldId(path('grantSpentKopecks'))} label={t.grantSpent} aria-label={`${name}: ${t.grantSpent}`} kopecks={s.grantSpentKopecks}
                  onChange={(k) => update({ grantSpentKopecks: k })} error={problems[path('grantSpentKopecks')] ?? over} />
                <FieldComment path={path('grantSpentKopecks')} comments={comments} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <MoneyInput id={fieldId(path('cofinancingSpentKopecks'))} label={t.cofinancingSpent} aria-label={`${name}: ${t.cofinancingSpent}`} kopecks={s.cofinancingSpentKopecks}
                  onChange={(k) => update({ cofinancingSpentKopecks: k })} error={problems[path('cofinancingSpentKopecks')]} />
                <FieldComment path={path('cofinancingSpentKopecks')} comments={comments} />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea id={fieldId(path('note'))} label={t.note} autosize minRows={1} value={s.note ?? ''} error={problems[path('note')]}
                  onChange={(e) => update({ note: e.currentTarget.value })} />
                <FieldComment path={path('note')} comments={comments} />
              </Grid.Col>
            </Grid>
          </Card>
        );
      })}
      <Card withBorder padding="md" component="section" aria-label={t.totals}>
        <Text fw={700} mb="xs">{t.totals}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <LabelledValue value={FIGURE} label={t.totalGrantSpent}>
            <span data-testid="grant-spent-total"><Money kopecks={totals.grantSpent} /></span>
            <Text span size="sm" c="dimmed" fw={400} display="block">{t.ofPlanned(formatMoney(totals.plannedGrant, lang))}</Text>
          </LabelledValue>
          <LabelledValue value={FIGURE} label={t.totalCofinancingSpent}>
            <span data-testid="cofinancing-spent-total"><Money kopecks={totals.cofinancingSpent} /></span>
            <Text span size="sm" c="dimmed" fw={400} display="block">{t.ofPlanned(formatMoney(totals.plannedCofinancing, lang))}</Text>
          </LabelledValue>
          <LabelledValue value={FIGURE} label={t.awarded}><Money kopecks={report.plan.awardedKopecks} /></LabelledValue>
        </SimpleGrid>
        {overAward && (
          <Text c="red.9" size="sm" mt="xs" role="alert" data-testid="over-award">
            {text({ code: 'over-award', params: { awardedKopecks: report.plan.awardedKopecks, spentKopecks: totals.grantSpent } })}
          </Text>
        )}
      </Card>
    </Stack>
  );
}
