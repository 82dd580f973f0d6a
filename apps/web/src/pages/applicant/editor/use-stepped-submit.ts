// What a form in steps with a submit shares (the application editor, the report editor): the step in the address
// (`?step=`), the problems by path (a refused submit's 422, then a refused save's 400 on top), a jump to the field a
// problem names (its step opened, the control focused), and one way to run the check or the submit: busy while it
// runs, a 422 listed on the last step (focused), any other refusal as one sentence.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError, type FieldProblem } from '../../../api/client';
import { useProblemText } from '../../../components/field-error';
import { findControl } from './field-paths';

export function useSteppedSubmit({ lastStep, stepOfPath, refusedSave }: {
  lastStep: number;
  stepOfPath: (path: string) => number;
  /** The autosave's last refusal (400), whose problems sit beside their fields too. */
  refusedSave: { errors: FieldProblem[] } | null;
}) {
  const text = useProblemText();
  const [params, setParams] = useSearchParams();
  const step = Math.min(lastStep, Math.max(0, Number(params.get('step') ?? 0) || 0));
  const setStep = useCallback((n: number) => setParams((p) => { p.set('step', String(n)); return p; }, { replace: true }), [setParams]);

  const [submitProblems, setSubmitProblems] = useState<FieldProblem[]>([]);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const problems = useMemo(() => {
    const out: Record<string, string> = {};
    for (const p of submitProblems) out[p.path] ??= text(p);
    for (const e of refusedSave?.errors ?? []) out[e.path] ??= text(e);
    return out;
  }, [submitProblems, refusedSave, text]);

  const pendingFocus = useRef<string | null>(null);
  const goTo = useCallback((path: string) => {
    pendingFocus.current = path;
    setStep(stepOfPath(path));
  }, [setStep, stepOfPath]);
  useEffect(() => {
    if (!pendingFocus.current) return;
    const el = findControl(pendingFocus.current);
    pendingFocus.current = null;
    if (el) {
      el.scrollIntoView?.({ block: 'center' });
      el.focus();
    }
  });

  /** Runs a check or a submit; answers undefined when it was refused (and says why). */
  const attempt = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setSubmitError(null);
    setSubmitting(true);
    try {
      return await action();
    } catch (e) {
      if (isApiError(e, 422)) {
        setSubmitProblems(e.errors);
        requestAnimationFrame(() => document.getElementById('submit-problems')?.focus());
      } else setSubmitError(isApiError(e) ? text(e) : String(e));
      return undefined;
    } finally {
      setSubmitting(false);
    }
  };

  /** Editing these top-level fields settles their submit problems until the next submit. */
  const settle = useCallback((keys: readonly string[]) => {
    setSubmitProblems((ps) => (ps.some((p) => keys.includes(p.path.split('.')[0]!)) ? ps.filter((p) => !keys.includes(p.path.split('.')[0]!)) : ps));
  }, []);

  return { step, setStep, problems, submitProblems, setSubmitProblems, submitError, submitting, goTo, attempt, settle };
}
