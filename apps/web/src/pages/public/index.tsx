// The public area: open competitions, a competition's rules, the winners registry, sign-in and sign-up, a forgotten
// password and the links e-mails carry (reset, confirmation), the consent text, and (signed in, any role) the change
// of one's password.
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { ROLES } from '@konkurs/shared';
import { RequireRole } from '../../auth/require-role';
import { PageTitle } from '../../components/page-title';
import { ErrorState } from '../../components/states';
import { useT } from '../../i18n';
import { CompetitionPage } from './competition';
import { HomePage } from './home';
import { ResultsPage } from './results';

// The sign-in forms carry zod (the shared schemas): loaded when opened, not with the home page.
const SignInPage = lazy(() => import('./sign-in').then((m) => ({ default: m.SignInPage })));
const SignUpPage = lazy(() => import('./sign-in').then((m) => ({ default: m.SignUpPage })));
const ChangePasswordPage = lazy(() => import('./sign-in').then((m) => ({ default: m.ChangePasswordPage })));
// The inbox and the notification settings (any signed-in role), the unsubscribe page of an e-mail's link.
const InboxPage = lazy(() => import('../notifications/inbox').then((m) => ({ default: m.InboxPage })));
const NotificationSettingsPage = lazy(() => import('../notifications/settings').then((m) => ({ default: m.NotificationSettingsPage })));
const UnsubscribePage = lazy(() => import('./unsubscribe').then((m) => ({ default: m.UnsubscribePage })));
const ForgotPasswordPage = lazy(() => import('./forgot-password').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('./reset-password').then((m) => ({ default: m.ResetPasswordPage })));
const VerifyEmailPage = lazy(() => import('./verify-email').then((m) => ({ default: m.VerifyEmailPage })));
const ConsentPage = lazy(() => import('./consent').then((m) => ({ default: m.ConsentPage })));

function NotFound() {
  const t = useT('common');
  return (
    <>
      <PageTitle title={t.notFoundTitle} />
      <ErrorState title={t.notFoundTitle} message={t.notFoundText} />
    </>
  );
}

export default function PublicArea() {
  return (
    <Routes>
      <Route index element={<HomePage />} />
      <Route path="competitions/:id" element={<CompetitionPage />} />
      <Route path="competitions/:id/results" element={<ResultsPage />} />
      <Route path="signin" element={<SignInPage />} />
      <Route path="signup" element={<SignUpPage />} />
      <Route path="password" element={<RequireRole roles={ROLES}><ChangePasswordPage /></RequireRole>} />
      <Route path="notifications" element={<RequireRole roles={ROLES}><InboxPage /></RequireRole>} />
      <Route path="notifications/settings" element={<RequireRole roles={ROLES}><NotificationSettingsPage /></RequireRole>} />
      <Route path="unsubscribe" element={<UnsubscribePage />} />
      <Route path="forgot-password" element={<ForgotPasswordPage />} />
      <Route path="reset-password" element={<ResetPasswordPage />} />
      <Route path="verify-email" element={<VerifyEmailPage />} />
      <Route path="consent" element={<ConsentPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
