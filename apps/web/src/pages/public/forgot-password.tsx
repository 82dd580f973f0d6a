// A forgotten password: the address of the account, and a link by e-mail valid for an hour. The answer is the same
// whether the address is registered or not, so the page never tells who has an account.
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { passwordResetBody } from '@konkurs/shared';
import { requestPasswordReset } from '../../api/auth';
import { FormProblem, useProblemText } from '../../components/field-error';
import { applyProblemToForm, useSchemaResolver } from '../../components/form-resolver';
import { PageTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { AuthCard } from './account-forms';

export function ForgotPasswordPage() {
  const t = useT('public').forgotPassword;
  const text = useProblemText();
  const form = useForm({ resolver: useSchemaResolver(passwordResetBody), defaultValues: { email: '' } });
  const mutation = useMutation({
    mutationFn: requestPasswordReset,
    onError: (e) => applyProblemToForm(e, ['email'], form.setError, text),
  });
  return (
    <AuthCard>
      <PageTitle title={t.title} subtitle={mutation.isSuccess ? undefined : t.intro} />
      {mutation.isSuccess ? (
        <Stack>
          <Alert color="green" variant="light" role="status">{t.sent}</Alert>
          <Text size="sm"><Anchor component={Link} to="/signin">{t.toSignIn}</Anchor></Text>
        </Stack>
      ) : (
        <form noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
          <Stack>
            <FormProblem error={mutation.error} shownPaths={['email']} />
            <TextInput label={t.email} type="email" autoComplete="email" required {...form.register('email')} error={form.formState.errors.email?.message} />
            <Button type="submit" loading={mutation.isPending}>{t.submit}</Button>
            <Text size="sm"><Anchor component={Link} to="/signin">{t.toSignIn}</Anchor></Text>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
