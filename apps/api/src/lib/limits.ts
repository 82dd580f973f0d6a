// Rate limits on what can be guessed at or sends mail: sign-in, sign-up, adding a member, a reset or confirmation
// e-mail. Each action counts per account and per client address (request.ip: the socket's, unless TRUST_PROXY
// declared the proxy), so neither a new address per request nor a new e-mail per request gets past. Counted in Redis
// when the API has one, so every process counts together; whenever Redis fails, in this process instead: a limit is
// never switched off. Falling back is one warning line, Redis coming back one info line.
import { createHmac } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { DomainError } from '../domain/errors.js';

/** Every limit counts in fixed windows of a minute (LOGIN_RATE_LIMIT is "a minute"). */
export const WINDOW_MS = 60_000;
/** Many people sign in from behind one office or campus address: it may try this many times what one account may. */
export const ADDRESS_FACTOR = 10;

interface Hit { count: number; resetInMs: number }
interface Counter { hit(key: string): Promise<Hit> }

/** Counts in this process: fixed windows, expired ones swept once a window, so memory holds one window's keys. */
function memoryCounter(now: () => number): Counter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let sweepAt = 0;
  return {
    async hit(key) {
      const t = now();
      if (t >= sweepAt) {
        for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
        sweepAt = t + WINDOW_MS;
      }
      let w = windows.get(key);
      if (!w || w.resetAt <= t) windows.set(key, (w = { count: 0, resetAt: t + WINDOW_MS }));
      w.count += 1;
      return { count: w.count, resetInMs: w.resetAt - t };
    },
  };
}

// One round trip, atomic: the count and the time left; a key that somehow lost its expiry gets one again.
const HIT_SCRIPT = `local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

function redisCounter(redis: Redis): Counter {
  return {
    async hit(key) {
      const [count, resetInMs] = (await redis.eval(HIT_SCRIPT, 1, `konkurs:limit:${key}`, WINDOW_MS)) as [number, number];
      return { count, resetInMs };
    },
  };
}

/**
 * Redis while it answers, this process while it does not. Watches the client's own events too, so that a Redis going
 * away is told once (and never as ioredis's "Unhandled error event") even when nobody is signing in.
 */
function fallbackCounter(redis: Redis, memory: Counter, log: FastifyBaseLogger): Counter & { stop(): void } {
  const shared = redisCounter(redis);
  let inProcess = false;
  const away = (err: unknown) => {
    if (inProcess) return;
    inProcess = true;
    log.warn({ err }, 'Redis unreachable: rate limits are counted in this process until it is back');
  };
  const back = () => {
    if (!inProcess) return;
    inProcess = false;
    log.info('Redis is back: rate limits are counted in Redis again');
  };
  redis.on('error', away);
  redis.on('ready', back);
  return {
    async hit(key) {
      try {
        const hit = await shared.hit(key);
        back();
        return hit;
      } catch (err) {
        away(err);
        return memory.hit(key);
      }
    },
    stop() {
      redis.off('error', away);
      redis.off('ready', back);
    },
  };
}

/** Who a limit counts: the client address, the e-mail in the body, or the signed-in account. */
type Subject = 'address' | 'email' | 'actor';
interface Rule { by: Subject; max: number }
export type Action = 'login' | 'register' | 'add-member' | 'password-reset' | 'verify-email-resend';

/** What each action allows a minute; `perAccount` is LOGIN_RATE_LIMIT. */
function rulesOf(perAccount: number): Record<Action, Rule[]> {
  const perAddress = perAccount * ADDRESS_FACTOR;
  return {
    login: [{ by: 'email', max: perAccount }, { by: 'address', max: perAddress }],
    // Sign-up answers email-taken (the contract's 409): one address may ask about as few e-mails as one account signs in.
    register: [{ by: 'email', max: perAccount }, { by: 'address', max: perAccount }],
    'add-member': [{ by: 'actor', max: perAccount }, { by: 'address', max: perAddress }],
    // Each request mails someone: an address may send as few as one account may, so that nobody's inbox is flooded.
    'password-reset': [{ by: 'email', max: perAccount }, { by: 'address', max: perAccount }],
    'verify-email-resend': [{ by: 'actor', max: perAccount }, { by: 'address', max: perAddress }],
  };
}

function subjectOf(request: FastifyRequest, by: Subject): string | undefined {
  if (by === 'address') return request.ip;
  if (by === 'actor') return request.auth?.id;
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : undefined;
}

// Keys hold a keyed digest (the secret every process shares), not the e-mail or the address: Redis keeps no personal data.
const keyOf = (secret: string, action: Action, by: Subject, subject: string) =>
  `${action}:${by}:${createHmac('sha256', secret).update(subject).digest('base64url').slice(0, 32)}`;

export interface Limits {
  /** A preHandler counting the request against the action's limits: over any of them, a 429 with Retry-After. */
  guard(action: Action): (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance { limits: Limits }
}

function createLimits(counter: Counter, perAccount: number, secret: string): Limits {
  const rules = rulesOf(perAccount);
  return {
    guard: (action) => async (request, reply) => {
      // Every attempt is counted, a right password too: once an account is locked out, it stays out for the window.
      const hits = await Promise.all(rules[action].map(async (rule) => {
        const subject = subjectOf(request, rule.by);
        return subject === undefined ? undefined : { rule, hit: await counter.hit(keyOf(secret, action, rule.by, subject)) };
      }));
      const over = hits.filter((h) => h !== undefined && h.hit.count > h.rule.max);
      if (over.length === 0) return;
      const retryAfterSeconds = Math.max(1, ...over.map((h) => Math.ceil(h!.hit.resetInMs / 1000)));
      reply.header('retry-after', String(retryAfterSeconds));
      throw new DomainError('rate-limited', 'rate-limited', { retryAfterSeconds });
    },
  };
}

/** Decorates the instance with `limits`, counting in `redis` when given (the clock is the app's, so tests move it). */
export default fp(async function limits(app: FastifyInstance, opts: { redis?: Redis }) {
  const memory = memoryCounter(() => app.clock.now().getTime());
  if (!opts.redis) {
    app.decorate('limits', createLimits(memory, app.config.LOGIN_RATE_LIMIT, app.secret));
    return;
  }
  const counter = fallbackCounter(opts.redis, memory, app.log);
  app.decorate('limits', createLimits(counter, app.config.LOGIN_RATE_LIMIT, app.secret));
  app.addHook('onClose', async () => counter.stop());
}, { name: 'limits', dependencies: ['deps'] });
