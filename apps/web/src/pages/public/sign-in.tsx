import { useId } from 'react';
import { Alert, Anchor, Button, Checkbox, Group, Input, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { CONSENT_VERSION, changePasswordBody, loginBody, registerBody } from '@konkurs/shared';
import { changePassword, login, register } from '../../api/auth';
import { isApiError } from '../../api/client';
import { HOME_OF_ROLE, useAuth } from '../../auth/auth';
import { FormProblem, useProblemText } from '../../components/field-error';
import { applyProblemToForm, useSchemaResolver } from '../../components/form-resolver';
import { PageTitle } from '../../components/page-title';
import { NewPasswordInput } from '../../components/password-field';
import { useT } from '../../i18n';
import { notify } from '../../lib/notify';
import { AuthCard, useResolverWithChecks } from './account-forms';

/** Only a path inside the SPA may be a return target (no open redirect to another site). */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

/** What a page sends the sign-in form along with the user (a reset password's confirmation). */
export type SignInNotice = { notice?: 'password-reset' };

export function SignInPage() {
  const t = useT('public');
  const text = useProblemText();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const notice = (useLocation().state as SignInNotice | null)?.notice;
  const form = useForm({ resolver: useSchemaResolver(loginBody), defaultValues: { email: '', password: '' } });
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: async (res) => {
      await signIn(res);
      navigate(safeNext(params.get('next')) ?? HOME_OF_ROLE[res.user.role], { replace: true });
    },
    onError: (e) => applyProblemToForm(e, ['email', 'password'], form.setError, text),
  });
  const err = form.formState.errors;
  return (
    <AuthCard>
      <PageTitle title={t.signIn.title} />
      <form noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
        <Stack>
          {notice === 'password-reset' && !mutation.error && <Alert color="green" variant="light" role="status">{t.signIn.passwordReset}</Alert>}
          <FormProblem error={mutation.error} shownPaths={['email', 'password']} />
          <TextInput label={t.signIn.email} type="email" autoComplete="username" required {...form.register('email')} error={err.email?.message} />
          <PasswordInput label={t.signIn.password} autoComplete="current-password" required {...form.register('password')} error={err.password?.message} />
          <Group justify="space-between" align="center">
            <Button type="submit" loading={mutation.isPending}>{t.signIn.submit}</Button>
            <Anchor component={Link} to="/forgot-password" size="sm">{t.signIn.forgot}</Anchor>
          </Group>
          <Text size="sm">
            {t.signIn.noAccount} <Anchor component={Link} to={`/signup${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>{t.signIn.toSignUp}</Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

const signUpForm = registerBody.omit({ consent: true });
type SignUpValues = z.input<typeof signUpForm> & { consent: boolean };

/**
 * An applicant's sign-up. Consent to the processing of personal data is a box to tick; what is sent is the version of
 * the text in force (CONSENT_VERSION), which the server records with the time.
 */
export function SignUpPage() {
  const t = useT('public');
  const text = useProblemText();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const resolver = useResolverWithChecks<z.output<typeof signUpForm>, SignUpValues>(signUpForm,
    (v) => ({ consent: v.consent ? undefined : t.signUp.consentRequired }));
  const form = useForm<SignUpValues, unknown, z.output<typeof signUpForm>>({ resolver, defaultValues: { fullName: '', email: '', password: '', consent: false } });
  const mutation = useMutation({
    mutationFn: (v: z.output<typeof signUpForm>) => register({ ...v, consent: { version: CONSENT_VERSION, accepted: true } }),
    onSuccess: async (res) => {
      await signIn(res);
      navigate(safeNext(params.get('next')) ?? HOME_OF_ROLE[res.user.role], { replace: true });
    },
    onError: (e) => {
      const rest = applyProblemToForm(e, ['fullName', 'email', 'password'], form.setError, text);
      // A taken e-mail is a 409 without a field path; it belongs next to the e-mail all the same.
      if (rest.length === 0 && isApiError(e, 409)) form.setError('email', { type: 'server', message: text(e) }, { shouldFocus: true });
    },
  });
  const err = form.formState.errors;
  const taken = isApiError(mutation.error, 409);
  // Mantine's checkbox shows its error without tying it to the box: tied here, so that it is read with the box.
  const consentError = `${useId()}-error`;
  return (
    <AuthCard>
      <PageTitle title={t.signUp.title} subtitle={t.signUp.intro} />
      <form noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
        <Stack>
          {!taken && <FormProblem error={mutation.error} shownPaths={['fullName', 'email', 'password']} />}
          <TextInput label={t.signUp.fullName} autoComplete="name" required {...form.register('fullName')} error={err.fullName?.message} />
          <TextInput label={t.signUp.email} type="email" autoComplete="email" required {...form.register('email')} error={err.email?.message} />
          <NewPasswordInput label={t.signUp.password} description={t.signUp.passwordHint} required {...form.register('password')} error={err.password?.message}
            password={form.watch('password')} email={form.watch('email')} />
          <Stack gap={4}>
            <Checkbox label={t.signUp.consent} required {...form.register('consent')} error={!!err.consent}
              aria-invalid={!!err.consent} aria-describedby={err.consent ? consentError : undefined} />
            {err.consent && <Input.Error id={consentError} ml={32}>{err.consent.message}</Input.Error>}
            {/* A new tab, so that what is typed here stays. */}
            <Anchor href="/consent" target="_blank" rel="noopener" size="sm" ml={32}>
              {t.signUp.consentLink} <Text span size="xs" c="dimmed">{t.signUp.consentNewTab}</Text>
            </Anchor>
          </Stack>
          <Button type="submit" loading={mutation.isPending}>{t.signUp.submit}</Button>
          <Text size="sm">
            {t.signUp.haveAccount} <Anchor component={Link} to={`/signin${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>{t.signUp.toSignIn}</Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

const CHANGE_FIELDS = ['currentPassword', 'password'] as const;

/** One's own new password (POST /auth/password). It ends every session, this one too: one signs in again with it. */
export function ChangePasswordPage() {
  const t = useT('public').changePassword;
  const text = useProblemText();
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const form = useForm({ resolver: useSchemaResolver(changePasswordBody), defaultValues: { currentPassword: '', password: '' } });
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      await signOut();
      notify(t.done);
      navigate('/signin', { replace: true });
    },
    onError: (e) => applyProblemToForm(e, CHANGE_FIELDS, form.setError, text),
  });
  const err = form.formState.errors;
  return (
    <AuthCard>
      <PageTitle title={t.title} subtitle={t.intro} />
      <form noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
        <Stack>
          <FormProblem error={mutation.error} shownPaths={CHANGE_FIELDS} />
          <PasswordInput label={t.current} autoComplete="current-password" required {...form.register('currentPassword')} error={err.currentPassword?.message} />
          <NewPasswordInput label={t.new} required {...form.register('password')} error={err.password?.message}
            password={form.watch('password')} email={user?.email} />
          <Button type="submit" loading={mutation.isPending}>{t.submit}</Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
