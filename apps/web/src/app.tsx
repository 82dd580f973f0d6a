// The SPA's root: theme, data cache, language, session, and the routes. Every area is a lazy chunk
// (areas.tsx), so the first load carries only this frame.
import { Suspense } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { AREAS, PublicArea } from './areas';
import { AuthProvider } from './auth/auth';
import { RequireRole } from './auth/require-role';
import { Layout } from './components/layout';
import { Loading } from './components/states';
import { isApiError } from './api/client';
import { LangProvider } from './i18n';
import { cssVariablesResolver, theme } from './theme';

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

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      ...AREAS.map(({ path, roles, Component }) => ({
        path: `${path}/*`,
        element: (
          <RequireRole roles={roles}>
            <Suspense fallback={<Loading />}>
              <Component />
            </Suspense>
          </RequireRole>
        ),
      })),
      { path: '*', element: <PublicArea /> },
    ],
  },
];

const router = createBrowserRouter(routes);
const queryClient = createQueryClient();

export function Providers({ children, client = queryClient }: { children: React.ReactNode; client?: QueryClient }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={client}>
        <LangProvider>
          <AuthProvider>{children}</AuthProvider>
        </LangProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

export function App() {
  return (
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  );
}
