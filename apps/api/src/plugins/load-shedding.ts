// An overloaded process says so at once (503 with Retry-After) instead of queueing requests until they time out:
// @fastify/under-pressure watches the event loop's delay and, on PostgreSQL, the requests waiting for a pool
// connection. Downloads (exports, open-data files) have a few slots per process of their own, so that however many
// clients ask for them, and however slowly they read, they never take the process or the pool. Health and
// readiness always answer: /api/ready says whether the database answers, not whether this process is busy.
import fp from 'fastify-plugin';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';

/** The downloads that share a process's slots: staff's exports, and the open data anyone may fetch. */
export type DownloadKind = 'exports' | 'open-data';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route sends a download of this kind: it takes one of the kind's slots until its answer is over. */
    download?: DownloadKind;
    /** Answered even while the process sheds load (health and readiness). */
    alwaysAnswers?: boolean;
  }
}

/** Seconds a refused client is asked to wait before it tries again. */
const RETRY_AFTER_SECONDS = 5;
/** How often the pool's queue is looked at. */
const POOL_CHECK_MS = 250;

const refuse = (code: 'busy' | 'overloaded') => new DomainError('unavailable', code, { retryAfterSeconds: RETRY_AFTER_SECONDS });

/** Counts the downloads of each kind in flight; one over the kind's limit is refused before it reads anything. */
function downloadSlots(limits: Record<DownloadKind, number>) {
  const inFlight: Record<DownloadKind, number> = { exports: 0, 'open-data': 0 };
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const kind = request.routeOptions.config.download;
    if (!kind) return;
    if (inFlight[kind] >= limits[kind]) throw refuse('busy');
    inFlight[kind]++;
    // 'close' comes once the answer is sent, has failed, or its client has gone (a stalled reader cut off when idle).
    reply.raw.once('close', () => { inFlight[kind]--; });
  };
}

export default fp(async function loadShedding(app: FastifyInstance) {
  const { config, database } = app;
  const pool = database.pool;
  await app.register(underPressure, {
    maxEventLoopDelay: config.OVERLOAD_EVENT_LOOP_DELAY_MS,
    ...(pool ? { healthCheck: async () => pool.waitingCount <= config.OVERLOAD_DB_WAITING, healthCheckInterval: POOL_CHECK_MS } : {}),
    // A rejected promise goes to the error handler: the 503 is a problem+json like every other refusal.
    pressureHandler: async (request) => {
      if (!request.routeOptions.config.alwaysAnswers) throw refuse('overloaded');
    },
  });
  app.addHook('preHandler', downloadSlots({ exports: config.EXPORT_CONCURRENCY, 'open-data': config.OPEN_DATA_CONCURRENCY }));
}, { name: 'load-shedding', dependencies: ['deps', 'errors'] });
