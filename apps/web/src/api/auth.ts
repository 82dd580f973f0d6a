import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { authResponse, me } from '@konkurs/shared';
import { api } from './client';

export type Me = z.infer<typeof me>;
export type AuthResponse = z.infer<typeof authResponse>;

export const meQuery = (token: string | null) =>
  queryOptions({ queryKey: ['auth', 'me', token], queryFn: () => api<Me>('/auth/me'), enabled: !!token, staleTime: 5 * 60_000, retry: false });

export const login = (body: { email: string; password: string }) => api<AuthResponse>('/auth/login', { method: 'POST', body });
export const register = (body: { email: string; password: string; fullName: string }) =>
  api<AuthResponse>('/auth/register', { method: 'POST', body });
export const logout = () => api<void>('/auth/logout', { method: 'POST' });
/** Ends every session of the user, the caller's too. */
export const changePassword = (body: { currentPassword: string; password: string }) => api<void>('/auth/password', { method: 'POST', body });
