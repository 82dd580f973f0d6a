// Who is signed in: the token (localStorage, see token.ts) and the user it belongs to (GET /auth/me).
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@konkurs/shared';
import { logout, meQuery, type AuthResponse, type Me } from '../api/auth';
import { tokenStore } from './token';

type AuthState = {
  token: string | null;
  user: Me | null;
  /** True while a stored token is being checked against /auth/me. */
  loading: boolean;
  /** Keeps the session; resolves once `/auth/me` has answered, so that where one goes next knows about consent. */
  signIn: (response: AuthResponse) => Promise<void>;
  signOut: () => Promise<void>;
};

const Ctx = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const token = useSyncExternalStore(tokenStore.subscribe, tokenStore.get, tokenStore.get);
  const queryClient = useQueryClient();
  const me = useQuery(meQuery(token));

  const signIn = useCallback(
    async ({ token: next, user }: AuthResponse) => {
      // What /auth/me adds (confirmation, consent, language) comes with its first answer, awaited before the caller
      // moves on (the page asked for is not shown a moment before the consent screen); meanwhile, what sign-in said.
      const { id, email, fullName, role, operatorId } = user;
      queryClient.setQueryData(meQuery(next).queryKey, { id, email, fullName, role, operatorId, emailVerified: true, consentRequired: false, language: 'ru' as const });
      tokenStore.set(next);
      // fetchQuery, not an invalidation: the observer of the new key may not be mounted yet, and would not be waited for.
      await queryClient.fetchQuery({ ...meQuery(next), staleTime: 0 }).catch(() => undefined);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      if (tokenStore.get()) await logout();
    } catch {
      /* the token may already be gone; signing out locally is what matters */
    }
    tokenStore.set(null);
    // Nothing from the previous user's session may stay on screen.
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<AuthState>(
    () => ({ token, user: token ? (me.data ?? null) : null, loading: !!token && me.isPending, signIn, signOut }),
    [token, me.data, me.isPending, signIn, signOut],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** Where each role lands after signing in. */
export const HOME_OF_ROLE: Record<Role, string> = {
  applicant: '/applicant',
  expert: '/expert',
  organiser: '/organiser',
  official: '/official',
  admin: '/admin',
};
