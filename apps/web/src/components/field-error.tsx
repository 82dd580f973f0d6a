// problem+json errors shown where they belong: next to the named field, the rest in one alert. Every text comes
// from its stable code through @konkurs/shared's messages; the server's own words only for a code we do not know.
import { useCallback, useMemo } from 'react';
import { Alert, List } from '@mantine/core';
import { toNestErrors, validateFieldsNatively } from '@hookform/resolvers';
import type { FieldError, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { fieldIssueOf, fieldIssueText, isKnownMessage, type Lang, type MessageParams } from '@konkurs/shared';
import { isApiError, type FieldProblem } from '../api/client';
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

/**
 * A react-hook-form resolver over a shared schema: each problem by its code, in the user's language, in the words
 * the server uses for the same code, so a form says the same before and after the request. A form's values are
 * typed as what the schema puts out unless it names its input type (`useSchemaResolver<Out, In>`).
 */
export function useSchemaResolver<Out, In extends FieldValues = Extract<Out, FieldValues>>(schema: z.ZodType<Out, unknown>): Resolver<In, unknown, Out> {
  const { lang } = useLang();
  return useMemo<Resolver<In, unknown, Out>>(() => async (values, _context, options) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) {
      if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
      return { values: result.data, errors: {} };
    }
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const field = fieldIssueOf(issue, values);
      // The first problem of a field is the one it shows.
      errors[field.path] ??= { type: field.code, message: fieldIssueText(field, lang) };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  }, [schema, lang]);
}

/** Puts the server's field errors into a react-hook-form form; returns the ones no field took. */
export function applyProblemToForm<T extends FieldValues>(
  error: unknown, fields: readonly Path<T>[], setError: UseFormSetError<T>, text: (p: Coded) => string,
): FieldProblem[] {
  if (!isApiError(error)) return [];
  const rest: FieldProblem[] = [];
  for (const e of error.errors) {
    const field = fields.find((f) => f === e.path);
    if (field) setError(field, { type: 'server', message: text(e) }, { shouldFocus: rest.length === 0 });
    else rest.push(e);
  }
  return rest;
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
