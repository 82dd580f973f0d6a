// One fetch wrapper for the whole SPA: base path, bearer token, the user's language, JSON, and problem+json
// errors as ApiError (with the stable codes the SPA translates by, never the server's sentences).
import type { z } from 'zod';
import type { MessageParams, Problem, page } from '@konkurs/shared';
import { tokenStore } from '../auth/token';
import { currentLang } from '../i18n/current-lang';

export const API_BASE = '/api/v1';

/** One field's problem as shared's `problem` schema has it: a dotted path, its stable code and parameters, the server's words. */
export type FieldProblem = Omit<NonNullable<Problem['errors']>[number], 'params'> & { params?: MessageParams };

/** A problem+json answer (RFC 9457), or a network failure (status 0). `message` is the server's detail. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail?: string;
  /** The problem's stable code (`deadline-passed`, `stale-version`…), when the server gave one. */
  readonly code?: string;
  readonly params: MessageParams;
  readonly errors: FieldProblem[];

  constructor(status: number, problem: Partial<Problem>) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.type = problem.type ?? 'about:blank';
    this.title = problem.title ?? `HTTP ${status}`;
    this.detail = problem.detail;
    this.code = problem.code;
    this.params = (problem.params ?? {}) as MessageParams;
    this.errors = (problem.errors ?? []).map((e) => ({ ...e, params: e.params as MessageParams | undefined }));
  }

  /** The problem of one field (dotted path, e.g. `budget.0.quantity`), if the server named it. */
  fieldProblem(path: string): FieldProblem | undefined {
    return this.errors.find((e) => e.path === path);
  }
}

export function isApiError(e: unknown, status?: number): e is ApiError {
  return e instanceof ApiError && (status === undefined || e.status === status);
}

/** Turns an error body into an ApiError; tolerant of servers that answer plain text or JSON without the problem shape. */
export async function problemFrom(response: Response): Promise<ApiError> {
  let body: Partial<Problem> = {};
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : {};
  } catch {
    body = {};
  }
  return new ApiError(response.status, { title: response.statusText, ...body });
}

/** The bearer token and the user's language: every request carries both (problems come back in that language). */
export function requestHeaders(): Record<string, string> {
  const token = tokenStore.get();
  return { 'accept-language': currentLang(), ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

/** 401 means the token expired or was revoked: drop it, the UI falls back to the sign-in page. */
export function onUnauthorized(status: number) {
  if (status === 401 && tokenStore.get()) tokenStore.set(null);
}

type RequestOptions = { method?: string; body?: unknown; signal?: AbortSignal };

export async function api<T>(path: string, { method = 'GET', body, signal }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...requestHeaders() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(API_BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'Network error', detail: (e as Error).message });
  }
  if (!response.ok) {
    onUnauthorized(response.status);
    throw await problemFrom(response);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** `{ a: 1, b: undefined }` → `?a=1` (undefined and empty values left out). */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** One page of a list, as shared's `page(item)` declares it. */
export type Page<T> = z.infer<ReturnType<typeof page<z.ZodType<T>>>>;
