// The budget: one row per expense, line totals and the three figures (total cost, co-financing,
// requested) recomputed on every keystroke with the same function the server uses (shared budgetTotals).
import { ActionIcon, Alert, Button, Card, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { BUDGET_CATEGORIES, BUDGET_CATEGORY_LABELS, budgetTotals, formatMoney, type BudgetLine, type Competition } from '@konkurs/shared';
import { useLang, useT } from '../../../i18n';
import { Money } from '../../../components/money';
import { EmptyState } from '../../../components/states';
import { ScrollTable } from '../../../components/scroll-region';
import { MoneyInput } from './controls';
import { fieldId, type Problems } from './field-paths';

type Bounds = Pick<Competition, 'minGrantKopecks' | 'maxGrantKopecks' | 'minCofinancingPercent'>;

const lineTotal = (l: BudgetLine) => Math.round((l.quantity ?? 0) * (l.unitCostKopecks ?? 0));

export function BudgetTable({ lines, onChange, bounds, problems = {} }: { lines: BudgetLine[]; onChange: (lines: BudgetLine[]) => void; bounds: Bounds; problems?: Problems }) {
  const t = useT('applicant').budget;
  const common = useT('common');
  const { lang } = useLang();
  const totals = budgetTotals(lines);
  const share = totals.totalCostKopecks > 0 ? (100 * totals.cofinancingKopecks) / totals.totalCostKopecks : 0;
  const shareOk = totals.totalCostKopecks === 0 || share >= bounds.minCofinancingPercent;
  const requestedOk = totals.totalCostKopecks === 0 || (totals.requestedKopecks >= bounds.minGrantKopecks && totals.requestedKopecks <= bounds.maxGrantKopecks);
  const update = (i: number, patch: Partial<BudgetLine>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const p = (i: number, f: string) => problems[`budget.${i}.${f}`];
  const shareText = share.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 2 });

  return (
    <Stack gap="md" id={fieldId('budget')} tabIndex={-1}>
      {problems.budget && <Text c="red.9" size="sm" role="alert">{problems.budget}</Text>}
      {lines.length === 0 ? (
        <EmptyState title={t.empty} />
      ) : (
        <Card withBorder padding={0}>
          <ScrollTable minWidth={920} label={t.title} verticalSpacing="xs" horizontalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={40}>№</Table.Th>
                <Table.Th scope="col" w={230}>{t.category}</Table.Th>
                <Table.Th scope="col">{t.item}</Table.Th>
                <Table.Th scope="col" w={90}>{t.quantity}</Table.Th>
                <Table.Th scope="col" w={150}>{t.unitCost}</Table.Th>
                <Table.Th scope="col" w={150} ta="right">{t.lineTotal}</Table.Th>
                <Table.Th scope="col" w={150}>{t.cofinancing}</Table.Th>
                <Table.Th scope="col" w={44}><VisuallyHidden>{common.remove}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l, i) => {
                const row = t.line(i + 1);
                return (
                  <Table.Tr key={i}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td>
                      <NativeSelect id={fieldId(`budget.${i}.category`)} aria-label={`${row}: ${t.category}`} value={l.category ?? ''} error={p(i, 'category')}
                        onChange={(e) => update(i, { category: (e.currentTarget.value || null) as BudgetLine['category'] })}
                        data={[{ value: '', label: '—' }, ...BUDGET_CATEGORIES.map((c) => ({ value: c, label: BUDGET_CATEGORY_LABELS[lang][c] }))]} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput id={fieldId(`budget.${i}.item`)} aria-label={`${row}: ${t.item}`} value={l.item ?? ''} onChange={(e) => update(i, { item: e.currentTarget.value })} error={p(i, 'item')} />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput id={fieldId(`budget.${i}.quantity`)} aria-label={`${row}: ${t.quantity}`} value={l.quantity ?? ''} min={0} decimalScale={3} decimalSeparator="," hideControls
                        onChange={(v) => update(i, { quantity: v === '' ? null : Number(String(v).replace(',', '.')) })} error={p(i, 'quantity')} />
                    </Table.Td>
                    <Table.Td>
                      <MoneyInput id={fieldId(`budget.${i}.unitCostKopecks`)} aria-label={`${row}: ${t.unitCost}`} kopecks={l.unitCostKopecks} onChange={(k) => update(i, { unitCostKopecks: k })} error={p(i, 'unitCostKopecks')} />
                    </Table.Td>
                    <Table.Td ta="right" data-testid={`line-total-${i}`}><Money kopecks={lineTotal(l)} /></Table.Td>
                    <Table.Td>
                      <MoneyInput id={fieldId(`budget.${i}.cofinancingKopecks`)} aria-label={`${row}: ${t.cofinancing}`} kopecks={l.cofinancingKopecks} onChange={(k) => update(i, { cofinancingKopecks: k })} error={p(i, 'cofinancingKopecks')} />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red.9" aria-label={t.removeLine(i + 1)} onClick={() => onChange(lines.filter((_, j) => j !== i))}>✕</ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </ScrollTable>
        </Card>
      )}
      <div>
        <Button variant="default" onClick={() => onChange([...lines, { category: null, item: '', quantity: 1, unitCostKopecks: null, cofinancingKopecks: 0 }])}>+ {t.add}</Button>
      </div>
      <Card withBorder padding="md" component="section" aria-label={t.totals}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} aria-live="polite">
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t.total}</Text>
            <Text fw={700} size="lg" data-testid="budget-total"><Money kopecks={totals.totalCostKopecks} /></Text>
          </div>
          <div id={fieldId('cofinancingKopecks')} tabIndex={-1}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t.cofinancingTotal}</Text>
            <Text fw={700} size="lg" data-testid="budget-cofinancing"><Money kopecks={totals.cofinancingKopecks} /></Text>
            <Text size="xs" c={shareOk ? 'dimmed' : 'red.9'}>{t.share(shareText)} ({t.minShare(bounds.minCofinancingPercent)})</Text>
          </div>
          <div id={fieldId('requestedKopecks')} tabIndex={-1}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t.requested}</Text>
            <Text fw={700} size="lg" data-testid="budget-requested"><Money kopecks={totals.requestedKopecks} /></Text>
            <Text size="xs" c={requestedOk ? 'dimmed' : 'red.9'}>{t.grantRange(formatMoney(bounds.minGrantKopecks, lang), formatMoney(bounds.maxGrantKopecks, lang))}</Text>
          </div>
        </SimpleGrid>
        {(problems.requestedKopecks || problems.cofinancingKopecks) && (
          <Alert color="red" mt="sm" role="alert">
            <Group gap="xs">{[problems.requestedKopecks, problems.cofinancingKopecks].filter(Boolean).map((m) => <Text key={m} size="sm">{m}</Text>)}</Group>
          </Alert>
        )}
      </Card>
    </Stack>
  );
}
