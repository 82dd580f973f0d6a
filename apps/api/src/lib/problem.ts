// Errors a client can cause, answered as application/problem+json (RFC 9457).
export interface FieldError { path: string; message: string; code?: string; params?: Record<string, unknown> }

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 412: 'Precondition Failed',
  413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests', 503: 'Service Unavailable',
};

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    /** A short stable code: becomes the `type` URI (`urn:konkurs:problem:<code>`). */
    readonly code: string,
    detail?: string,
    readonly errors?: FieldError[],
    readonly params?: Record<string, unknown>,
  ) {
    super(detail ?? TITLES[status] ?? 'Error');
  }

  get statusCode() { return this.status; }

  toJSON() {
    return {
      type: `urn:konkurs:problem:${this.code}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      code: this.code,
      ...(this.params && Object.keys(this.params).length ? { params: this.params } : {}),
      detail: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new HttpProblem(400, 'invalid-request', detail, errors);
export const fieldError = (path: string, message: string) => new HttpProblem(400, 'invalid-request', `${path}: ${message}`, [{ path, message }]);
export const unauthorized = (detail = 'Sign in first') => new HttpProblem(401, 'unauthorized', detail);
export const forbidden = (detail = 'Your role may not do this') => new HttpProblem(403, 'forbidden', detail);
export const notFound = (what = 'Resource') => new HttpProblem(404, 'not-found', `${what} not found`);
export const conflict = (code: string, detail: string, errors?: FieldError[]) => new HttpProblem(409, code, detail, errors);
export const staleVersion = (current?: number) =>
  new HttpProblem(412, 'stale-version', `A newer version${current ? ` (${current})` : ''} was saved in the meantime; reload it and apply your changes again`);
export const unprocessable = (detail: string, errors: FieldError[]) => new HttpProblem(422, 'rule-check-failed', detail, errors);
