// problem+json errors shown where they belong: next to the named field, the rest in one alert.
import { Alert, List } from '@mantine/core';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../api/client';
import { useT } from '../i18n';

/** A server message in the user's language when it is a known one, as is otherwise. */
export function useServerMessage() {
  const t = useT('common');
  return (message: string) => t.serverMessages[message] ?? message;
}

/** The message the server gave for one field (dotted path), for a control's `error` prop. */
export function useFieldError(error: unknown) {
  const translate = useServerMessage();
  return (path: string): string | undefined => {
    if (!isApiError(error)) return undefined;
    const m = error.fieldMessage(path);
    return m ? translate(m) : undefined;
  };
}

/** Puts the server's field errors into a react-hook-form form; returns the ones no field took. */
export function applyProblemToForm<T extends FieldValues>(
  error: unknown, fields: readonly Path<T>[], setError: UseFormSetError<T>, translate: (m: string) => string,
): { path: string; message: string }[] {
  if (!isApiError(error)) return [];
  const rest: { path: string; message: string }[] = [];
  for (const e of error.errors) {
    const field = fields.find((f) => f === e.path);
    if (field) setError(field, { type: 'server', message: translate(e.message) }, { shouldFocus: rest.length === 0 });
    else rest.push(e);
  }
  return rest;
}

/** The general part of a problem (title/detail) and any field errors that have no control on the form. */
export function FormProblem({ error, shownPaths = [] }: { error: unknown; shownPaths?: readonly string[] }) {
  const t = useT('common');
  const translate = useServerMessage();
  if (!error) return null;
  if (!isApiError(error)) return <Alert color="red" role="alert">{String((error as Error).message ?? error)}</Alert>;
  const rest = error.errors.filter((e) => !shownPaths.includes(e.path));
  const hasFieldErrors = error.errors.length > rest.length;
  const text = error.status === 0 ? t.networkError : translate(error.detail ?? error.title);
  return (
    <Alert color="red" variant="light" role="alert" title={hasFieldErrors ? t.formHasErrors : undefined}>
      {!hasFieldErrors && text}
      {rest.length > 0 && (
        <List size="sm" mt={4}>
          {rest.map((e) => (
            <List.Item key={e.path + e.message}>{e.path ? `${e.path}: ` : ''}{translate(e.message)}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
