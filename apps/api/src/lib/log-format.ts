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

/** The logger options of buildApp for these settings. */
export function loggerOptions(config: Pick<Config, 'NODE_ENV' | 'LOG_LEVEL'>, out: LogSink = process.stdout) {
  if (config.NODE_ENV === 'test') return { logger: false as const };
  if (config.NODE_ENV === 'production') return { logger: { level: config.LOG_LEVEL, stream: out } };
  return { logger: { level: config.LOG_LEVEL, stream: readableSink(out) }, logController: new DebugRequestLog() };
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
}

/** What the terminal shows once the platform listens; in production no password is printed. */
export function startupSummary(f: StartupFacts): string {
  const lines = [
    '',
    `Konkurs is running at ${f.url} (started in ${f.seconds.toFixed(1)} s)`,
    `  API       ${f.url}/api/v1, docs ${f.url}/api/docs`,
    `  database  ${f.database}`,
    '  mail      off: the platform sends no e-mail (no mail server is configured)',
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
