// The problem+json answer (RFC 9457) as the error plugin sends it. Refusals are DomainErrors (domain/errors.ts);
// the plugin turns each into one of these, its sentences in the caller's language.
export interface FieldError { path: string; message: string; code?: string; params?: Record<string, unknown> }

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout', 409: 'Conflict', 412: 'Precondition Failed',
  413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests',
  431: 'Request Header Fields Too Large', 503: 'Service Unavailable',
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
