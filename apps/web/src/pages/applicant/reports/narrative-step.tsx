// Step 4: the narrative, the publication and media links (each checked as a web address as it is typed, the same
// schema the server applies), and the co-financing explanation, asked for when the co-financing's share of the
// spending is below the share the application promised.
import { ActionIcon, Alert, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { reportLink } from '@konkurs/shared';
import { useProblemText } from '../../../components/field-error';
import { useT } from '../../../i18n';
import { fieldId } from '../editor/field-paths';
import { FieldComment } from './field-comment';
import { spendingTotals } from './report-paths';
import type { ReportStepProps } from './step-props';

/** A share as the submit's message takes it: percent with one decimal. */
const percent = (share: number) => Math.round(share * 1000) / 10;

export function NarrativeStep({ report, fields, set, problems, comments }: ReportStepProps) {
  const t = useT('reports').narrative;
  const common = useT('common');
  const text = useProblemText();
  const links = fields.links ?? [];
  const totals = spendingTotals(fields, report.plan);
  const linkProblem = (i: number) => problems[`links.${i}`] ?? (links[i] && !reportLink.safeParse(links[i]).success ? t.badLink : undefined);
  return (
    <Stack gap="lg">
      <div>
        <Textarea id={fieldId('narrative')} label={t.narrative} description={t.narrativeHint} autosize minRows={6} value={fields.narrative ?? ''}
          error={problems.narrative} onChange={(e) => set('narrative', e.currentTarget.value)} />
        <FieldComment path="narrative" comments={comments} />
      </div>
      <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }} id={fieldId('links')} tabIndex={-1}>
        <Text component="legend" fw={500} size="sm" mb={4}>{t.links}</Text>
        <Text size="xs" c="dimmed" mb={6}>{t.linkHint}</Text>
        {problems.links && <Text c="red.9" size="sm" mb={4} role="alert">{problems.links}</Text>}
        <FieldComment path="links" comments={comments} />
        <Stack gap="xs" mt="xs">
          {links.map((url, i) => (
            <div key={i}>
              <Group align="flex-start" wrap="nowrap" gap="xs">
                <TextInput id={fieldId(`links.${i}`)} label={t.link(i + 1)} type="url" inputMode="url" value={url} style={{ flex: 1, minWidth: 0 }}
                  error={linkProblem(i)} onChange={(e) => set('links', links.map((x, j) => (j === i ? e.currentTarget.value : x)))} />
                <ActionIcon variant="subtle" color="red.9" mt={26} size="lg" aria-label={`${common.remove}: ${t.link(i + 1)}`} onClick={() => set('links', links.filter((_, j) => j !== i))}>✕</ActionIcon>
              </Group>
              <FieldComment path={`links.${i}`} comments={comments} />
            </div>
          ))}
          <div>
            <Button variant="default" size="xs" onClick={() => set('links', [...links, ''])}>+ {t.addLink}</Button>
          </div>
        </Stack>
      </fieldset>
      <div>
        {totals.cofinancingBelow && (
          <Alert color="orange.9" variant="outline" mb="xs" data-testid="cofinancing-below">
            {text({ code: 'cofinancing-explanation-required', params: { actualPercent: percent(totals.spentShare), promisedPercent: percent(totals.promisedShare) } })}
          </Alert>
        )}
        <Textarea id={fieldId('cofinancingNote')} label={t.cofinancingNote} description={t.cofinancingNoteHint} autosize minRows={2} value={fields.cofinancingNote ?? ''}
          required={totals.cofinancingBelow} error={problems.cofinancingNote} onChange={(e) => set('cofinancingNote', e.currentTarget.value)} />
        <FieldComment path="cofinancingNote" comments={comments} />
      </div>
    </Stack>
  );
}
