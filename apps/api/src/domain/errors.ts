// How the domain refuses: a stable code with its parameters, never HTTP and never an English sentence.
// plugins/errors.ts maps the kind to a status and renders the text from packages/shared's messages in the
// caller's language; the SPA renders the same code itself.
import type { MessageParams } from '@konkurs/shared';

/** What sort of refusal it is; only the error plugin knows which HTTP status each becomes. */
export type DomainErrorKind =
  | 'invalid' // the input breaks a rule (400)
  | 'unauthenticated' // not signed in, or the session ended (401)
  | 'forbidden' // signed in, but the role may not (403)
  | 'not-found' // no such thing, or not visible to this user (404)
  | 'conflict' // the state forbids it (409)
  | 'stale' // the version sent is not the current one (412)
  | 'too-large' // (413)
  | 'unsupported-type' // (415)
  | 'unprocessable' // a submit-time completeness or rule check failed (422)
  | 'rate-limited' // (429)
  | 'insufficient-storage' // the server's disk is too full to keep it (507)
  | 'unavailable'; // the server cannot take it now (busy, overloaded); `retryAfterSeconds` says when to try again (503)

/** One field's problem: a dotted path into the request body, a code, its parameters. */
export interface FieldIssue { path: string; code: string; params?: MessageParams }

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly params: MessageParams = {},
    readonly errors?: readonly FieldIssue[],
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const invalid = (errors: readonly FieldIssue[], code = 'invalid-request', params: MessageParams = {}) =>
  new DomainError('invalid', code, params, errors);
export const fieldInvalid = (path: string, code: string, params?: MessageParams) =>
  new DomainError('invalid', 'invalid-request', {}, [{ path, code, params }]);
export const unauthenticated = (code = 'unauthorized') => new DomainError('unauthenticated', code);
export const forbidden = (code = 'forbidden', params: MessageParams = {}) => new DomainError('forbidden', code, params);
/** `entity` names what was not found (`application`, `competition`…), for the sentence. */
export const notFound = (entity = 'resource') => new DomainError('not-found', 'not-found', { entity });
export const conflict = (code: string, params: MessageParams = {}, errors?: readonly FieldIssue[]) =>
  new DomainError('conflict', code, params, errors);
export const staleVersion = (current?: number) => new DomainError('stale', 'stale-version', current ? { current } : {});
export const unprocessable = (errors: readonly FieldIssue[], code = 'rule-check-failed') => new DomainError('unprocessable', code, {}, errors);
