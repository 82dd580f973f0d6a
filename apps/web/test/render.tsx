// Renders a screen with the app's providers and a memory router; fetch is replaced per test.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { createQueryClient, Providers } from '../src/providers';

export function renderScreen(ui: ReactElement, { route = '/' }: { route?: string } = {}) {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  return render(
    <Providers client={client} lang="ru">
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </Providers>,
  );
}

type Handler = (url: string, init: RequestInit) => { status: number; body?: unknown } | undefined;

/** A fetch that answers from `handler` and records every call. */
export function mockFetch(handler: Handler) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fn = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const answer = handler(url, { ...init, method }) ?? { status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404 } };
    const problem = answer.status >= 400;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': problem ? 'application/problem+json' : 'application/json' },
    });
  };
  globalThis.fetch = fn as typeof fetch;
  return calls;
}
