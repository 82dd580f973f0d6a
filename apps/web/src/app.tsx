// The SPA's root: theme, data cache, language, session, and the routes. Every area is a lazy chunk
// (areas.tsx), so the first load carries only this frame.
import { Suspense } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { AREAS, PublicArea } from './areas';
import { RequireRole } from './auth/require-role';
import { Layout } from './components/layout';
import { Loading } from './components/states';
import { Providers } from './providers';

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

export function App() {
  return (
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  );
}
