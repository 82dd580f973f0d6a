import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { authResponse, consent, consentText, me } from '@konkurs/shared';
import { api } from './client';

export type Me = z.infer<typeof me>;
export type AuthResponse = z.infer<typeof authResponse>;
export type Consent = z.infer<typeof consent>;
export type ConsentText = z.infer<typeof consentText>;

export const meQuery = (token: string | null) =>
  queryOptions({ queryKey: ['auth', 'me', token], queryFn: () => api<Me>('/auth/me'), enabled: !!token, staleTime: 5 * 60_000, retry: false });

export const login = (body: { email: string; password: string }) => api<AuthResponse>('/auth/login', { method: 'POST', body });
export const register = (body: { email: string; password: string; fullName: string; consent: Consent }) =>
  api<AuthResponse>('/auth/register', { method: 'POST', body });
export const logout = () => api<void>('/auth/logout', { method: 'POST' });
/** Ends every session of the user, the caller's too. */
export const changePassword = (body: { currentPassword: string; password: string }) => api<void>('/auth/password', { method: 'POST', body });

/** Asks for a reset link; the answer is the same whether the address exists or not. */
export const requestPasswordReset = (body: { email: string }) => api<void>('/auth/password-reset', { method: 'POST', body });
/** The link's secret and the new password; ends every session of the account. */
export const confirmPasswordReset = (body: { token: string; password: string }) => api<void>('/auth/password-reset/confirm', { method: 'POST', body });
export const verifyEmail = (body: { token: string }) => api<void>('/auth/verify-email', { method: 'POST', body });
/** Another confirmation e-mail to the signed-in user's address. */
export const resendVerification = () => api<void>('/auth/verify-email/resend', { method: 'POST' });
export const giveConsent = (body: { consent: Consent }) => api<void>('/auth/consent', { method: 'POST', body });
/** The consent text in force (152-ФЗ), with its version and title. */
export const consentTextQuery = () =>
  queryOptions({ queryKey: ['legal', 'consent'], queryFn: () => api<ConsentText>('/legal/consent'), staleTime: 60 * 60_000 });
