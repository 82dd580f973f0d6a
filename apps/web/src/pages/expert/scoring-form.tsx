// The scoring form: one score (0..max) and a comment per criterion, the overall comment, the live total on the
// 100-point scale (the server's formula, shared), and a submit confirmed in a dialog. What is typed is saved as
// the applicant's draft is (lib/use-versioned-autosave.ts): a versioned PUT a second after typing stops, a local
// copy per assignment offered back after a reload, the 412 banner, and a warning before leaving unsaved.
import { useEffect, useMemo, useState } from 'react';
import {
  Alert, Badge, Button, Card, Group, NumberInput, Paper, Progress, Stack, Text, Textarea, Title,
} from '@mantine/core';
import { Controller, useForm, useWatch, type UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { expertTotal, formatScore, isScoreInRange, reviewCompletenessIssues, type Lang, type Review } from '@konkurs/shared';
import { isApiError } from '../../api/client';
import type { ReviewInput } from '../../api/reviews';
import { ConfirmButton } from '../../components/confirm-button';
import { FormProblem, problemText, useProblemText, type Coded } from '../../components/field-error';
import { useSchemaResolver } from '../../components/form-resolver';
import { StaleVersionBanner } from '../../components/stale-version-banner';
import { useLang, useT } from '../../i18n';
import { LeaveGuard } from '../../lib/leave-guard';
import { notify } from '../../lib/notify';
import { AutosaveStatus, PendingEditsBanner } from '../../lib/save-status';
import { hasUnsavedChanges, useVersionedAutosave } from '../../lib/use-versioned-autosave';

export type ScoringCriterion = { code: string; title: string; description: string; weight: number; maxScore: number; commentRequired: boolean };
export type ScoringValues = { scores: { criterionCode: string; score: number | null; comment: string }[]; comment: string };

/** What a draft may hold: scores within 0..max (or none yet); a score out of range is told by the server's code. */
function draftSchema(criteria: readonly ScoringCriterion[]) {
  return z.object({
    scores: z.array(z.object({ criterionCode: z.string(), score: z.number().nullable(), comment: z.string().max(5000) })).superRefine((scores, ctx) => {
      scores.forEach((s, i) => {
        const max = criteria[i]?.maxScore ?? 0;
        if (s.score !== null && !isScoreInRange(s.score, max))
          ctx.addIssue({ code: 'custom', path: [i, 'score'], params: { code: 'score-out-of-range', max } });
      });
    }),
    comment: z.string().max(10000),
  });
}

/** What a submission needs, checked before the confirmation dialog: the rule the server applies (422), from shared. */
export function completenessProblems(values: ScoringValues, criteria: readonly ScoringCriterion[], lang: Lang) {
  return reviewCompletenessIssues(values.scores, criteria).map((issue) => {
    const [, code, part] = issue.path.split('.') as [string, string, 'score' | 'comment'];
    return { path: `scores.${criteria.findIndex((c) => c.code === code)}.${part}` as const, message: problemText(issue, lang) };
  });
}

const valuesOf = (review: Pick<Review, 'scores' | 'comment'>, criteria: readonly ScoringCriterion[]): ScoringValues => ({
  scores: criteria.map((c) => {
    const s = review.scores.find((x) => x.criterionCode === c.code);
    return { criterionCode: c.code, score: s?.score ?? null, comment: s?.comment ?? '' };
  }),
  comment: review.comment,
});

/**
 * Server field errors into the form: a 400 names `scores.<index>.score`, a 422 `scores.<criterion code>.score`.
 * Returns the ones no field took.
 */
function applyReviewProblem(error: unknown, criteria: readonly ScoringCriterion[], setError: UseFormSetError<ScoringValues>, text: (p: Coded) => string) {
  if (!isApiError(error)) return;
  let first = true;
  for (const e of error.errors) {
    const m = /^scores\.([^.]+)\.(score|comment)$/.exec(e.path);
    if (m) {
      const index = /^\d+$/.test(m[1]) && Number(m[1]) < criteria.length ? Number(m[1]) : criteria.findIndex((c) => c.code === m[1]);
      if (index >= 0) {
        setError(`scores.${index}.${m[2] as 'score' | 'comment'}`, { type: 'server', message: text(e) }, { shouldFocus: first });
        first = false;
        continue;
      }
    }
    if (e.path === 'comment') setError('comment', { type: 'server', message: text(e) });
  }
}

export function LiveTotal({ total, scored, of }: { total: number; scored: number; of: number }) {
  const t = useT('expert').form;
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-gray-0)">
      <Group justify="space-between" align="center" wrap="nowrap">
        <div>
          <Text size="sm" fw={600} id="live-total-label">{t.total}</Text>
          <Text size="xs" c="dimmed">{t.scored(scored, of)}</Text>
        </div>
        <Text fz={28} fw={700} aria-labelledby="live-total-label" aria-live="polite" data-testid="live-total" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatScore(total)}
        </Text>
      </Group>
      <Progress value={total} mt="xs" size="sm" aria-hidden />
      <Text size="xs" c="dimmed" mt={4}>{t.totalHint}</Text>
    </Paper>
  );
}

type Props = {
  criteria: readonly ScoringCriterion[];
  /** The server's review when the form opens (the page remounts the form when its status changes). */
  review: Review;
  /** A declined or submitted assignment, or one whose review is closed: shown, not editable. */
  readOnly?: boolean;
  /** Why a read-only assignment is closed, in the user's words. */
  closedText?: string;
  saveDraft: (input: ReviewInput) => Promise<Review>;
  submit: () => Promise<{ total: number }>;
  /** Called after a successful submission (the page refreshes what it shows). */
  onSubmitted?: (total: number) => void;
  /** Loads the newest version after a 412. */
  onReload?: () => Promise<Review | undefined>;
  autosaveDelayMs?: number;
};

/** The local copy of an assignment's unsaved review on this device. */
export const reviewBackupKey = (assignmentId: string) => `konkurs.review.${assignmentId}`;
const versionOf = (r: Review) => (r.id ? r.version : undefined);

export function ScoringForm({ criteria, review, readOnly = false, closedText, saveDraft, submit, onSubmitted, onReload, autosaveDelayMs }: Props) {
  const t = useT('expert').form;
  const { lang } = useLang();
  const text = useProblemText();
  const schema = useMemo(() => draftSchema(criteria), [criteria]);
  const submitted = review.status === 'submitted';
  const locked = readOnly || submitted;
  const draft = useVersionedAutosave<ScoringValues, number | undefined>({
    storageKey: reviewBackupKey(review.assignmentId),
    initial: () => valuesOf(review, criteria),
    version: versionOf(review),
    readOnly: locked,
    delayMs: autosaveDelayMs,
    // A review is saved whole (PUT): every score and comment, whatever changed.
    send: async (version, _changed, all) => ({ version: versionOf(await saveDraft({ version, scores: all.scores, comment: all.comment })) }),
    load: async () => {
      const fresh = await onReload?.();
      if (!fresh) throw new Error('no review');
      return { fields: valuesOf(fresh, criteria), version: versionOf(fresh) };
    },
  });
  const form = useForm<ScoringValues>({ resolver: useSchemaResolver(schema), defaultValues: draft.fields });
  const [restored] = useState(() => draft.pending !== null);
  const [problem, setProblem] = useState<unknown>(null);
  const [incomplete, setIncomplete] = useState(false);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);

  const scores = useWatch({ control: form.control, name: 'scores' });
  const total = expertTotal(scores, criteria);
  const scoredCount = scores.filter((s) => s.score !== null && s.score !== undefined).length;

  // Every keystroke goes to the autosave (a copy: the form's own values change in place).
  const { setField } = draft;
  useEffect(() => {
    const sub = form.watch((_values, { name }) => {
      if (!name) return; // a reset, not typing
      const key = name === 'comment' ? 'comment' : 'scores';
      setField(key, structuredClone(form.getValues(key)));
    });
    return () => sub.unsubscribe();
  }, [form, setField]);

  // A save the server refused (400) names its fields.
  const { status } = draft;
  useEffect(() => {
    if (status.kind === 'rejected') applyReviewProblem(status.error, criteria, form.setError, text);
  }, [status, criteria, form, text]);

  const onSave = form.handleSubmit(async () => {
    setBusy('save');
    setProblem(null);
    if (await draft.flush()) notify(t.saved);
    setBusy(null);
  });

  /** The draft's own checks, then what a submission needs: the confirmation is asked only when both pass. */
  async function askSubmit() {
    let complete = false;
    await form.handleSubmit((values) => {
      const problems = completenessProblems(values, criteria, lang);
      setIncomplete(problems.length > 0);
      problems.forEach((p, i) => form.setError(p.path, { type: 'required', message: p.message }, { shouldFocus: i === 0 }));
      complete = problems.length === 0;
    })();
    return complete;
  }

  /** Resolves in every case (a refusal is shown in the form), so that the dialog closes. */
  async function confirmSubmit() {
    setBusy('submit');
    setProblem(null);
    // The server submits what is stored: what is on screen is saved first.
    const ok = await draft.flush();
    if (ok) {
      try {
        const result = await submit();
        onSubmitted?.(result.total);
      } catch (e) {
        applyReviewProblem(e, criteria, form.setError, text);
        setIncomplete(isApiError(e, 422));
        setProblem(e);
      }
    }
    setBusy(null);
  }

  async function reload() {
    form.reset(await draft.reload());
  }

  const err = form.formState.errors;
  const shownPaths = [...criteria.flatMap((c, i) => [`scores.${i}.score`, `scores.${i}.comment`, `scores.${c.code}.score`, `scores.${c.code}.comment`]), 'comment'];

  return (
    <form noValidate onSubmit={onSave} aria-labelledby="scoring-title">
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id="scoring-title">{t.title}</Title>
          {!locked && <AutosaveStatus status={status} onRetry={() => void draft.save()} texts={t.autosave} />}
        </Group>
        {!locked && <LeaveGuard when={hasUnsavedChanges(status)} texts={t.leave} />}
        {submitted && (
          <Alert color="green.9" variant="outline" title={t.submitted}>{t.submittedText(formatScore(review.total ?? total))}</Alert>
        )}
        {readOnly && !submitted && <Alert color="gray.8" variant="outline" title={t.readOnly} role="status">{closedText}</Alert>}
        {draft.isConflict && <StaleVersionBanner title={t.stale} text={t.staleText} onReload={onReload && reload} />}
        {draft.pending && !draft.isConflict && (
          <PendingEditsBanner pending={draft.pending} fieldNames={t.autosave.fieldNames} restored={restored} texts={t.autosave}
            onApply={() => form.reset(draft.applyPending())} onDiscard={draft.discardPending} />
        )}
        {incomplete && Object.keys(err).length > 0 && <Alert color="red.9" variant="outline" role="alert">{t.incomplete}</Alert>}
        {!isApiError(problem, 422) && <FormProblem error={status.kind === 'rejected' ? status.error : problem} shownPaths={shownPaths} />}

        <LiveTotal total={total} scored={scoredCount} of={criteria.length} />

        {criteria.map((c, i) => (
          <Card key={c.code} withBorder padding="md" radius="md" component="fieldset" style={{ margin: 0 }} aria-describedby={`crit-desc-${i}`}>
            <Text component="legend" fw={600} style={{ padding: 0 }}>
              {i + 1}. {c.title}
            </Text>
            <Group gap={6} mt={4} mb="xs">
              <Badge variant="light" color="gray" c="gray.9" tt="none" fw={500}>{t.weight(c.weight)}</Badge>
              {c.commentRequired && <Badge variant="outline" color="red.9" tt="none" fw={500}>{t.commentRequired}</Badge>}
            </Group>
            {c.description && <Text size="sm" c="dimmed" mb="sm" id={`crit-desc-${i}`}>{c.description}</Text>}
            <Group align="flex-start" gap="md" wrap="wrap">
              <Controller
                control={form.control}
                name={`scores.${i}.score`}
                render={({ field }) => (
                  <NumberInput
                    label={t.score(c.maxScore)}
                    required
                    w={140}
                    min={0}
                    max={c.maxScore}
                    step={1}
                    allowDecimal={false}
                    allowNegative={false}
                    clampBehavior="strict"
                    disabled={locked}
                    name={field.name}
                    ref={field.ref}
                    onBlur={field.onBlur}
                    value={field.value ?? ''}
                    onChange={(v) => field.onChange(v === '' || v === undefined ? null : Number(v))}
                    error={err.scores?.[i]?.score?.message}
                  />
                )}
              />
              <Textarea
                label={t.comment}
                required={c.commentRequired}
                withAsterisk={c.commentRequired}
                autosize
                minRows={2}
                style={{ flex: '1 1 16rem' }}
                disabled={locked}
                {...form.register(`scores.${i}.comment`)}
                error={err.scores?.[i]?.comment?.message}
              />
            </Group>
          </Card>
        ))}

        <Textarea label={t.overall} autosize minRows={3} disabled={locked} {...form.register('comment')} error={err.comment?.message} />

        {!locked && (
          <Group justify="flex-end" gap="sm">
            <Button type="submit" variant="default" loading={busy === 'save'}>{t.save}</Button>
            <ConfirmButton label={t.submit} title={t.submitTitle} confirmLabel={t.submit} loading={busy === 'submit'}
              text={<>{t.submitText} <b data-testid="confirm-total">{formatScore(total)}</b></>} beforeOpen={askSubmit} onConfirm={confirmSubmit} />
          </Group>
        )}
      </Stack>
    </form>
  );
}
