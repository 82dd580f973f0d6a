// Authentication and role checks. Every /api/v1 route requires a signed-in user unless its config says
// `public: true`; a route's `roles` lists who may call it. Both fail closed.
import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '@konkurs/shared';
import { sessions, users } from '../db/schema/index.js';
import { forbidden, unauthenticated } from '../domain/errors.js';

export interface AuthUser {
  id: string;
  sessionId: string;
  email: string;
  fullName: string;
  role: Role;
  operatorId: string | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No sign-in needed; `request.auth` is set when a valid token comes anyway. */
    public?: boolean;
    /** Roles allowed to call the route; any signed-in user when absent. */
    roles?: readonly Role[];
  }
  interface FastifyRequest {
    auth: AuthUser | null;
  }
}

interface TokenPayload { sub: string; sid: string }

/** The signed-in user of a route that is not public (the hook has checked it). */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.auth) throw unauthenticated();
  return request.auth;
}

export default fp(async function auth(app: FastifyInstance, opts: { secret: string; ttlMinutes: number }) {
  await app.register(jwt, { secret: opts.secret, sign: { expiresIn: `${opts.ttlMinutes}m` } });
  app.decorateRequest('auth', null);

  // Every request of a signed-in user asks the database whether the session still stands (a logout in any
  // process revokes it at once). The statement is built once and prepared on each connection: building it
  // with the query builder per request cost more CPU than the round trip itself.
  const sessionUser = app.db
    .select({ id: users.id, email: users.email, fullName: users.fullName, role: users.role, operatorId: users.operatorId, active: users.active })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('sid')), eq(sessions.userId, sql.placeholder('sub')), isNull(sessions.revokedAt),
      gt(sessions.expiresAt, sql.placeholder('now'))))
    .limit(1)
    .prepare('auth_session_user');

  async function resolve(request: FastifyRequest): Promise<AuthUser | null> {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) return null;
    let payload: TokenPayload;
    try {
      payload = app.jwt.verify<TokenPayload>(header.slice(7));
    } catch {
      throw unauthenticated('session-ended');
    }
    const [row] = await sessionUser.execute({ sid: payload.sid, sub: payload.sub, now: app.clock.now().toISOString() });
    if (!row || !row.active) throw unauthenticated('session-ended');
    return { id: row.id, sessionId: payload.sid, email: row.email, fullName: row.fullName, role: row.role, operatorId: row.operatorId };
  }

  app.addHook('onRequest', async (request) => {
    // Only matched /api/v1 routes: an unknown path answers 404, not 401.
    if (!request.url.startsWith('/api/v1/') || !request.routeOptions.url) return;
    const config = request.routeOptions.config;
    if (config.public) {
      request.auth = await resolve(request).catch(() => null);
      return;
    }
    request.auth = await resolve(request);
    if (!request.auth) throw unauthenticated();
    if (config.roles && !config.roles.includes(request.auth.role)) throw forbidden();
  });
}, { name: 'auth', dependencies: ['deps'] });

/** Issues a token for a new session of the user. */
export async function startSession(app: FastifyInstance, userId: string): Promise<string> {
  const expiresAt = new Date(app.clock.now().getTime() + app.config.TOKEN_TTL_MINUTES * 60_000);
  const [session] = await app.db.insert(sessions).values({ userId, expiresAt }).returning({ id: sessions.id });
  return app.jwt.sign({ sub: userId, sid: session.id });
}
