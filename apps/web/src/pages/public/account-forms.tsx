// What the account forms (sign-in, sign-up, the forgotten and the changed password, consent) share: the card they sit
// in, and a resolver that adds a form's own checks (a box to tick, a password typed twice) to the shared schema's.
import type { ReactNode } from 'react';
import { Card } from '@mantine/core';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { isApiError } from '../../api/client';
import { useSchemaResolver } from '../../components/form-resolver';

export function AuthCard({ children, maw = 460 }: { children: ReactNode; maw?: number }) {
  return (
    <Card withBorder padding="xl" maw={maw} mx="auto" mt={{ base: 0, sm: 'xl' }}>
      {children}
    </Card>
  );
}

/**
 * The schema's resolver for the fields it knows, then `check` for what only the form knows; each refusal of `check`
 * is a message already in the user's language, on its field. Every problem is said at once, whichever side found it.
 */
export function useResolverWithChecks<Out, In extends FieldValues>(
  schema: z.ZodType<Out, unknown>, check: (values: In) => Partial<Record<keyof In & string, string>>,
): Resolver<In, unknown, Out> {
  const base = useSchemaResolver<Out, In>(schema);
  return async (values, context, options) => {
    const result = await base(values, context, options);
    const own = Object.entries(check(values)).filter((e): e is [string, string] => !!e[1]);
    if (own.length === 0) return result;
    const errors = { ...result.errors } as Record<string, FieldError>;
    for (const [path, message] of own) errors[path] ??= { type: 'form', message };
    return { values: {}, errors } as Awaited<ReturnType<Resolver<In, unknown, Out>>>;
  };
}

/**
 * What is wrong with an e-mail link's secret, if that is what the server refused: expired, or not valid (unknown,
 * used already, or mangled on the way, which the schema refuses before the server looks it up).
 */
export function linkProblem(error: unknown): 'expired' | 'invalid' | null {
  if (!isApiError(error, 400)) return null;
  const token = error.fieldProblem('token');
  const code = token?.code ?? error.code;
  if (code === 'token-expired') return 'expired';
  return token || code === 'token-invalid' ? 'invalid' : null;
}
