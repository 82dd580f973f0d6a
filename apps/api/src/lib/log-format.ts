// How the server logs. In production: pino's JSON, one object a line, every request at info (what log collectors
// read). In development: lines for people (`12:04:26 INFO  message key=value`, an error's stack below it) and the
// requests at debug, one line each (`GET /api/v1/competitions → 200 (3 ms)`), seen with LOG_LEVEL=debug. Tests log
// nothing. Output always goes through process.stdout (or the sink given), never pino's default sonic-boom destination,
// whose exit-time flush retried a write to a gone reader (EPIPE) forever.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

export interface LogSink { write(chunk: string): unknown }

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
/** pino's own fields, and Fastify's request objects (the request line says what matters of them). */
const HIDDEN = new Set(['time', 'level', 'msg', 'pid', 'hostname', 'err', 'req', 'res', 'reqId']);

const clock = (time: unknown) => {
  const d = new Date(typeof time === 'number' || typeof time === 'string' ? time : Date.now());
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((x) => String(x).padStart(2, '0')).join(':');
};

const value = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 200 ? `${s.slice(0, 199)}…` : s;
};

/** pino's JSON lines as a person reads them; a line that is not pino's JSON is passed on as it is. */
export function formatLogLines(chunk: string): string {
  return chunk.split('\n').filter((l) => l.length > 0).map((line) => {
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line);
    } catch {
      return `${line}\n`;
    }
    if (!o || typeof o !== 'object' || typeof o.level !== 'number') return `${line}\n`;
    const fields = Object.entries(o).filter(([k, v]) => !HIDDEN.has(k) && v !== undefined).map(([k, v]) => `${k}=${value(v)}`);
    const head = [clock(o.time), (LEVELS[o.level] ?? String(o.level)).padEnd(5), typeof o.msg === 'string' ? o.msg : '', ...fields].join(' ').trimEnd();
    const err = o.err as { type?: string; message?: string; stack?: string } | undefined;
    const stack = err ? `\n    ${(err.stack ?? `${err.type ?? 'Error'}: ${err.message ?? ''}`).split('\n').join('\n    ')}` : '';
    return `${head}${stack}\n`;
  }).join('');
}

/** A sink that writes formatted lines to `out` (process.stdout by default). */
export function readableSink(out: LogSink = process.stdout): LogSink {
  return { write: (chunk: string) => out.write(formatLogLines(chunk)) };
}

/** Development's request lines: one at debug when the answer is sent, errors still at error. */
export class DebugRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) return super.requestCompleted(error, request, reply);
    request.log.debug(`${request.method} ${request.url} → ${reply.statusCode} (${Math.round(reply.elapsedTime)} ms)`);
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.debug(`${request.method} ${request.url}: no such route`);
  }
}

// An error logged must not carry the applicants' data the failed statement held: drizzle's message ends with the
// statement's parameters ("Failed query: … params: 7701234567,…"), PostgreSQL's detail quotes the values
// ("Key (inn)=(7701234567) already exists.") and some of its messages end with one (`…for type uuid: "…"`). The
// statement, the SQLSTATE code, the constraint, the table and the column stay: they say what went wrong.

const REDACTED = '[redacted]';
/** Properties of an error that hold values of the data, not words about the error. */
const VALUE_KEYS = new Set(['params', 'parameters', 'where', 'internalQuery']);
const DB_FACTS = ['code', 'constraint', 'table', 'column', 'schema', 'routine'] as const;
const KEY_DETAIL = /^Key \(([^)]*)\)=\(.*\)( already exists\.| is not present in table "[^"]*"\.| is still referenced from table "[^"]*"\.)?$/s;

/** A PostgreSQL (or PGlite) error: a SQLSTATE code and a severity. */
function isDatabaseError(e: Error): e is Error & Record<string, unknown> {
  const code: unknown = (e as unknown as Record<string, unknown>).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in e;
}

/** The error and the errors it wraps (`cause`), outermost first. */
function chainOf(err: Error): Error[] {
  const chain = [err];
  for (let c = err.cause; c instanceof Error && chain.length < 8 && !chain.includes(c); c = c.cause) chain.push(c);
  return chain;
}

function safeMessage(e: Error): string {
  const params = e.message.indexOf('\nparams: ');
  if (e.message.startsWith('Failed query: ') && params >= 0) return `${e.message.slice(0, params)}\nparams: ${REDACTED}`;
  if (isDatabaseError(e)) return e.message.replace(/: ".*"$/s, `: ${REDACTED}`);
  return e.message;
}

/** PostgreSQL's detail without the values it quotes: the columns of a key and what happened to it stay. */
export function safeDetail(detail: string): string {
  const key = KEY_DETAIL.exec(detail);
  if (key) return `Key (${key[1]})=(${REDACTED})${key[2] ?? ''}`;
  return detail.startsWith('Failing row contains') ? `Failing row contains (${REDACTED}).` : REDACTED;
}

/** pino's `err` serializer, the values of the data left out (see above); the database facts of a wrapped error lifted up. */
export function safeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const chain = chainOf(err);
  const out: Record<string, unknown> = {
    type: err.constructor?.name ?? err.name,
    message: chain.map(safeMessage).join(': '),
    stack: chain.map((e, i) => `${i ? 'caused by: ' : ''}${(e.stack ?? `${e.name}: ${e.message}`).replace(e.message, safeMessage(e))}`).join('\n'),
  };
  for (const [key, v] of Object.entries(err)) {
    if (key === 'cause' || key in out) continue;
    out[key] = VALUE_KEYS.has(key) ? REDACTED : key === 'detail' && typeof v === 'string' ? safeDetail(v) : v instanceof Error ? safeError(v) : v;
  }
  if (err instanceof AggregateError) out.aggregateErrors = err.errors.map(safeError);
  const db = chain.find(isDatabaseError);
  if (db) {
    for (const fact of DB_FACTS) if (typeof db[fact] === 'string' && out[fact] === undefined) out[fact] = db[fact];
    if (typeof db.detail === 'string' && out.detail === undefined) out.detail = safeDetail(db.detail);
  }
  return out;
}

const serializers = { err: safeError, cause: safeError };

/** The logger options of buildApp for these settings. */
export function loggerOptions(config: Pick<Config, 'NODE_ENV' | 'LOG_LEVEL'>, out: LogSink = process.stdout) {
  if (config.NODE_ENV === 'test') return { logger: false as const };
  if (config.NODE_ENV === 'production') return { logger: { level: config.LOG_LEVEL, stream: out, serializers } };
  return { logger: { level: config.LOG_LEVEL, stream: readableSink(out), serializers }, logController: new DebugRequestLog() };
}

/** Where the data lives, as the start-up summary says it: PGlite's folder, or the server without its password. */
export function databaseLabel(driver: 'pg' | 'pglite', where: string): string {
  if (driver === 'pglite') return `embedded PGlite in ${where}`;
  try {
    const u = new URL(where);
    return `PostgreSQL ${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

export interface StartupFacts {
  url: string;
  database: string;
  production: boolean;
  logLevel: string;
  seconds: number;
  /** The sign-ins created by this start (the demo's, the first admin's). */
  logins: readonly { role: string; email: string; password: string }[];
  demo?: readonly string[];
  /** Where e-mail goes: the SMTP server's host (credentials never shown) and who sends; absent: kept in the outbox. */
  mail?: { host: string; sentBy: 'this process' | 'pnpm worker' };
}

/** What the terminal shows once the platform listens; in production no password is printed. */
export function startupSummary(f: StartupFacts): string {
  const lines = [
    '',
    `Konkurs is running at ${f.url} (started in ${f.seconds.toFixed(1)} s)`,
    `  API       ${f.url}/api/v1, docs ${f.url}/api/docs`,
    `  database  ${f.database}`,
    f.mail
      ? `  mail      via ${f.mail.host}, sent by ${f.mail.sentBy}`
      : `  mail      no SMTP_URL: e-mails are kept in the outbox; the admin reads them at ${f.url}/admin/outbox («Исходящие письма»)`,
    `  logs      ${f.production ? `JSON lines at ${f.logLevel} (requests at info)` : `readable lines at ${f.logLevel}; requests at debug (LOG_LEVEL=debug shows them)`}`,
  ];
  if (f.demo?.length) lines.push(`  demo      ${f.demo.join(', ')}`);
  if (f.logins.length) {
    const passwords = [...new Set(f.logins.map((l) => l.password))];
    const shared = passwords.length === 1 ? passwords[0] : null;
    lines.push(!f.production && shared ? `Sign in as (password ${shared}):` : 'Sign in as:');
    for (const l of f.logins) lines.push(`  ${l.role.padEnd(10)} ${l.email}${f.production || shared ? '' : `  ${l.password}`}`);
    if (f.production) lines.push('  (passwords are not printed in production: the demo accounts\' password is in README.md)');
  }
  lines.push('Stop with Ctrl-C.', '');
  return lines.join('\n');
}
