// problem+json errors shown where they belong: next to the named field, the rest in one alert. Every text comes
// from its stable code through @konkurs/shared's messages; the server's own words only for a code we do not know.
import { useCallback } from 'react';
import { Alert, List } from '@mantine/core';
import { fieldIssueText, isKnownMessage, type Lang, type MessageParams } from '@konkurs/shared';
import { isApiError } from '../api/client';
import { useLang, useT } from '../i18n';

/** What says something is wrong: a code with its parameters, and the server's sentence as the fallback. */
export type Coded = { code?: string; params?: MessageParams; message?: string };

/** The text of a coded problem in `lang`, rendered as the server renders it (instants in the zone its parameters name). */
export function problemText({ code, params, message }: Coded, lang: Lang): string {
  return code && isKnownMessage(code) ? fieldIssueText({ path: '', code, params }, lang) : message ?? '';
}

/** `problemText` in the user's language. */
export function useProblemText() {
  const { lang } = useLang();
  return useCallback((p: Coded) => problemText(p, lang), [lang]);
}

/** The text of the server's problem for one field (dotted path), for a control's `error` prop. */
export function useFieldError(error: unknown) {
  const text = useProblemText();
  return (path: string): string | undefined => {
    const problem = isApiError(error) ? error.fieldProblem(path) : undefined;
    return problem && text(problem);
  };
}

/** The general part of a problem (its code's sentence) and any field errors that have no control on the form. */
export function FormProblem({ error, shownPaths = [] }: { error: unknown; shownPaths?: readonly string[] }) {
  const t = useT('common');
  const text = useProblemText();
  if (!error) return null;
  if (!isApiError(error)) return <Alert color="red" role="alert">{String((error as Error).message ?? error)}</Alert>;
  const rest = error.errors.filter((e) => !shownPaths.includes(e.path));
  const hasFieldErrors = error.errors.length > rest.length;
  return (
    <Alert color="red" variant="light" role="alert" title={hasFieldErrors ? t.formHasErrors : undefined}>
      {!hasFieldErrors && (error.status === 0 ? t.networkError : text(error))}
      {rest.length > 0 && (
        <List size="sm" mt={4}>
          {rest.map((e) => (
            <List.Item key={e.path + e.message}>{e.path ? `${e.path}: ` : ''}{text(e)}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
