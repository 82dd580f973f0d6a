// Everything a screen needs around it: theme, data cache, language, session. Used by the app and by tests.
import { useMemo, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Lang } from '@konkurs/shared';
import { isApiError } from './api/client';
import { AuthProvider } from './auth/auth';
import { LangProvider, useLang } from './i18n';
import { cssVariablesResolver, themeFor } from './theme';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not get better by asking again; a network hiccup might.
        retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
}

const defaultClient = createQueryClient();

export function Providers({ children, client = defaultClient, lang }: { children: ReactNode; client?: QueryClient; lang?: Lang }) {
  return (
    <LangProvider lang={lang}>
      <ThemedProvider>
        <Notifications position="top-right" />
        <QueryClientProvider client={client}>
          <AuthProvider>{children}</AuthProvider>
        </QueryClientProvider>
      </ThemedProvider>
    </LangProvider>
  );
}

/** The theme speaks the user's language too: Mantine's own buttons (a dialog's close) get labels in it. */
function ThemedProvider({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  const theme = useMemo(() => themeFor(lang), [lang]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}

