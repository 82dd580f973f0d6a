// Every setting comes from the environment, parsed and checked here and nowhere else.
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { messageText } from '@konkurs/shared';
import { passwordVerdict } from '@konkurs/shared/password-strength';
import { parseAuditKey } from './lib/audit-key.js';

/**
 * apps/api: the nearest folder above this file holding a package.json. The same folder whether this file
 * runs from src/ (tsx, tests) or bundled into dist/server.js, so the paths below resolve from both.
 */
export const API_DIR = (function packageDir(dir: string): string {
  if (existsSync(join(dir, 'package.json'))) return dir;
  if (dirname(dir) === dir) throw new Error('apps/api/package.json not found above the server file');
  return packageDir(dirname(dir));
})(dirname(fileURLToPath(import.meta.url)));

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
/** A duration in milliseconds, from a tenth of a second (tests) to an hour. */
const ms = z.coerce.number().int().min(100).max(3_600_000);

// proxy-addr's named ranges, which Fastify's trustProxy accepts beside addresses and CIDRs.
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.has(entry) || isIP(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const version = isIP(address!);
  return rest.length === 0 && version !== 0 && /^\d{1,3}$/.test(bits ?? '') && Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * Who may say, in X-Forwarded-For, which client a request came from: nobody (`off`, the default: the socket's address),
 * a number of proxy hops in front of the API, or the proxies' addresses, CIDRs or ranges, comma-separated. Every
 * per-address limit counts by this address, so trusting anyone else would let a client choose its own.
 */
const trustProxy = z.string().trim().transform((value, ctx): false | number | string[] => {
  if (/^(off|false|0)$/i.test(value)) return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (bad.length) ctx.addIssue({ code: 'custom', message: `not an address, CIDR or range (loopback, linklocal, uniquelocal): ${bad.join(', ')}; \`off\` trusts no proxy` });
  return entries;
});

/** A first administrator with a weak password would be the easiest account to take: the server does not start. */
function adminPasswordKeepsPolicy(env: { ADMIN_EMAIL?: string; ADMIN_PASSWORD?: string }, ctx: z.RefinementCtx): void {
  if (env.ADMIN_PASSWORD === undefined) return;
  const { issues } = passwordVerdict(env.ADMIN_PASSWORD, env.ADMIN_EMAIL);
  if (issues.length) ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: issues.map((code) => messageText(code, {}, { lang: 'en' })).join('; ') });
}

const isAuditKey = (text: string) => {
  try { return Boolean(parseAuditKey(text)); } catch { return false; }
};

/** The owner migrates; the server runs as DATABASE_URL's role, which must then be named too. */
function ownerNeedsRuntimeRole(env: { DATABASE_URL?: string; DATABASE_OWNER_URL?: string }, ctx: z.RefinementCtx): void {
  if (env.DATABASE_OWNER_URL && !env.DATABASE_URL) ctx.addIssue({ code: 'custom', path: ['DATABASE_OWNER_URL'], message: 'needs DATABASE_URL, the role the server runs as' });
}

/** Node's HTTP server refuses a headers timeout longer than the request's (the headers are part of the request). */
function headersWithinRequest(env: { HTTP_HEADERS_TIMEOUT_MS: number; HTTP_REQUEST_TIMEOUT_MS: number }, ctx: z.RefinementCtx): void {
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) ctx.addIssue({ code: 'custom', path: ['HTTP_HEADERS_TIMEOUT_MS'], message: 'at most HTTP_REQUEST_TIMEOUT_MS' });
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  /** Pool size per API process when DATABASE_URL is set. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /**
   * The role that owns the tables and runs the migrations (same database). When set, DATABASE_URL's role is granted only
   * what the server needs, and on the audit log only reading and appending (migration 0010, konkurs_grant_runtime).
   */
  DATABASE_OWNER_URL: z.string().url().optional(),
  /** The ed25519 private key signing audit checkpoints, PEM or base64 PKCS#8; unset: DATA_DIR/audit-signing-key, made once. */
  AUDIT_SIGNING_KEY: z.string().refine(isAuditKey, 'an ed25519 private key, PEM or base64 PKCS#8').optional(),
  // Not the working directory: `pnpm start` from the root and from apps/api keep the same data.
  DATA_DIR: z.string().default(join(API_DIR, '.data')),
  PGLITE_DIR: z.string().optional(),
  JWT_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(60 * 24 * 30).default(12 * 60),
  ADMIN_EMAIL: z.email().optional(),
  /** Kept to the password policy of every account (at least 12 characters, not common, not the e-mail). */
  ADMIN_PASSWORD: z.string().optional(),
  /** Demo data on an empty database: by default in development, only when asked for in production. */
  SEED_DEMO: bool.optional(),
  REDIS_URL: z.string().url().optional(),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  TRUST_PROXY: trustProxy.default(false),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(20 * 1024 * 1024),
  /** All documents of one organisation's applications together (a refused upload says how much is used). */
  ORG_STORAGE_QUOTA_BYTES: z.coerce.number().int().min(1024).default(500 * 1024 * 1024),
  /** Free disk an upload must leave where files (and on PGlite the database) are written: 1 GiB, 1 MiB in tests. */
  MIN_FREE_DISK_BYTES: z.coerce.number().int().min(0).optional(),
  WEB_DIST: z.string().optional(),
  /** How long SIGTERM waits for in-flight requests before the process exits anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  // A client too slow to send its request or to take the answer must not hold a socket, a download slot or memory.
  /** The request's headers must have come within this. */
  HTTP_HEADERS_TIMEOUT_MS: ms.default(20_000),
  /** The whole request, body included: a 20 MB upload at 0.6 Mbit/s still fits in the default. */
  HTTP_REQUEST_TIMEOUT_MS: ms.default(300_000),
  /**
   * A connection that sends and takes nothing for this long is closed: a body that stalls, a reader that stopped
   * reading (an answer being computed counts too, so this stays well above the slowest route's seconds).
   */
  HTTP_IDLE_TIMEOUT_MS: ms.default(60_000),
  /** A kept-alive connection waiting for its next request: longer than a load balancer's idle timeout (60 s). */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: ms.default(72_000),
  /** Exports (staff) sent at once by a process; one more is a 503 `busy` with Retry-After. */
  EXPORT_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  /** Open-data files (anyone) sent at once by a process; one more is a 503 `busy` with Retry-After. */
  OPEN_DATA_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  /** The mean event-loop delay (ms) over which the process sheds load (503 `overloaded`); 0: never. Off in tests. */
  OVERLOAD_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  /** Requests waiting for a database connection (PostgreSQL) over which the process sheds load. */
  OVERLOAD_DB_WAITING: z.coerce.number().int().min(0).max(100_000).default(100),
  // ---- E-mail (services/mail-worker.ts) ----
  /** `smtp://user:pass@host:port` (or smtps://); unset: every e-mail stays in the outbox, where the admin reads it. */
  SMTP_URL: z.string().url().refine((u) => /^smtps?:/.test(u), 'smtp:// or smtps://').optional(),
  /** The sender of every e-mail. */
  MAIL_FROM: z.string().min(3).default('Конкурс <no-reply@konkurs.local>'),
  /** The address links in e-mails point to (the SPA's origin as users reach it); default http://localhost:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  /** The e-mail worker inside the API process (`pnpm worker` runs it apart): on by default when SMTP_URL is set. */
  MAIL_WORKER: bool.optional(),
  /** How often the worker looks for due e-mails, and the scheduler for due reminders. */
  MAIL_POLL_MS: ms.default(1000),
  REMINDER_CHECK_MS: ms.default(60_000),
  /** Sending attempts before an e-mail is marked failed (backoff doubles from MAIL_RETRY_BASE_MS). */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  MAIL_RETRY_BASE_MS: ms.default(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
}).superRefine(adminPasswordKeepsPolicy).superRefine(ownerNeedsRuntimeRole).superRefine(headersWithinRequest).transform((c) => ({
  ...c, SEED_DEMO: c.SEED_DEMO ?? c.NODE_ENV !== 'production',
  MIN_FREE_DISK_BYTES: c.MIN_FREE_DISK_BYTES ?? (c.NODE_ENV === 'test' ? 1024 * 1024 : 1024 * 1024 * 1024),
  // A test shares its process with the app: its own synchronous work (generating fuzz bodies) is no overload.
  OVERLOAD_EVENT_LOOP_DELAY_MS: c.OVERLOAD_EVENT_LOOP_DELAY_MS ?? (c.NODE_ENV === 'test' ? 0 : 1000),
  PUBLIC_URL: (c.PUBLIC_URL ?? `http://localhost:${c.PORT || 3000}`).replace(/\/+$/, ''),
  MAIL_WORKER: c.MAIL_WORKER ?? Boolean(c.SMTP_URL),
}));

export type Config = z.output<typeof envSchema>;

/**
 * TRUST_PROXY as Fastify's `trustProxy`. Fastify refuses a bare hop count (it cannot tell a proxy from a client that
 * connects directly), so a count is the operator's word that only proxies reach the API: the last `hops` addresses are
 * theirs.
 */
export function trustProxyOption(setting: Config['TRUST_PROXY']): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid settings in the environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
