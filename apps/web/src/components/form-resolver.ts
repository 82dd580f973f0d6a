// Forms over the shared schemas (react-hook-form): the resolver that words each problem as the server does, and the
// server's field errors put back on their controls. Apart from field-error.tsx, so that the first visit, which only
// shows problems, does not load the forms library.
import { useMemo } from 'react';
import { toNestErrors, validateFieldsNatively } from '@hookform/resolvers';
import type { FieldError, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { fieldIssueOf, fieldIssueText } from '@konkurs/shared';
import { isApiError, type FieldProblem } from '../api/client';
import { useLang } from '../i18n';
import type { Coded } from './field-error';

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
