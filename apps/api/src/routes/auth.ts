import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  authResponse, changePasswordBody, consentBody, consentText, consentTextOf, languageOf, loginBody, me, passwordResetBody,
  passwordResetConfirmBody, problem, registerBody, verifyEmailBody,
} from '@konkurs/shared';
import { currentUser, startSession } from '../plugins/auth.js';
import { accountOf, changePassword, login, logout, register } from '../services/auth.js';
import { confirmPasswordReset, giveConsent, requestPasswordReset, resendVerification, verifyEmail } from '../services/accounts.js';

/** A 202 without a body (the schema's `null` would be serialised as the text `null`). */
const EMPTY = undefined as unknown as null;

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['auth'];
  const session = (userId: string) => startSession(app, userId);

  // Counted once the body is parsed (lib/limits.ts: per e-mail and per client address), before any password is checked.
  app.post('/auth/register', { config: { public: true }, preHandler: app.limits.guard('register'),
    schema: { operationId: 'register', summary: 'Sign up as an applicant', tags, body: registerBody, response: { 201: authResponse, 400: problem, 409: problem, 429: problem } } },
  async (request, reply) => reply.code(201).send(await register(app.db, request.body, session, app.clock.now())));

  app.post('/auth/login', { config: { public: true }, preHandler: app.limits.guard('login'),
    schema: { operationId: 'login', summary: 'Sign in: a token for a new session', tags, body: loginBody, response: { 200: authResponse, 400: problem, 401: problem, 429: problem } },
  }, async (request) => login(app.db, request.body, session));

  app.post('/auth/logout', { schema: { operationId: 'logout', summary: 'End this session', tags, response: { 204: z.null() } } },
    async (request, reply) => { await logout(app.db, currentUser(request), app.clock.now()); return reply.code(204).send(null); });

  app.get('/auth/me', { schema: { operationId: 'getMe', summary: 'The signed-in user', tags, response: { 200: me } } },
    async (request) => accountOf(app.db, currentUser(request)));

  app.post('/auth/password', { schema: { operationId: 'changePassword', summary: 'Change one’s password (ends every session)', tags,
    body: changePasswordBody, response: { 204: z.null(), 400: problem } } },
  async (request, reply) => { await changePassword(app.db, currentUser(request), request.body, app.clock.now()); return reply.code(204).send(null); });

  // A forgotten password: 202 whether or not the e-mail has an account (services/accounts.ts does the same work).
  app.post('/auth/password-reset', { config: { public: true }, preHandler: app.limits.guard('password-reset'),
    schema: { operationId: 'requestPasswordReset', summary: 'E-mail a password reset link (1 hour), if the account exists', tags,
      body: passwordResetBody, response: { 202: z.null(), 400: problem, 429: problem } } },
  async (request, reply) => { await requestPasswordReset(app.db, request.body.email, app.clock.now()); return reply.code(202).send(EMPTY); });

  app.post('/auth/password-reset/confirm', { config: { public: true },
    schema: { operationId: 'confirmPasswordReset', summary: 'Set a new password with the link’s token (ends every session)', tags,
      body: passwordResetConfirmBody, response: { 204: z.null(), 400: problem } } },
  async (request, reply) => { await confirmPasswordReset(app.db, request.body, app.clock.now()); return reply.code(204).send(null); });

  // Public: the link may be opened in a browser that is not signed in.
  app.post('/auth/verify-email', { config: { public: true },
    schema: { operationId: 'verifyEmail', summary: 'Confirm the e-mail address with the link’s token', tags,
      body: verifyEmailBody, response: { 204: z.null(), 400: problem } } },
  async (request, reply) => { await verifyEmail(app.db, request.body, app.clock.now()); return reply.code(204).send(null); });

  app.post('/auth/verify-email/resend', { preHandler: app.limits.guard('verify-email-resend'),
    schema: { operationId: 'resendEmailVerification', summary: 'E-mail a new confirmation link (none when already confirmed)', tags,
      response: { 202: z.null(), 429: problem } } },
  async (request, reply) => { await resendVerification(app.db, currentUser(request), app.clock.now()); return reply.code(202).send(EMPTY); });

  app.post('/auth/consent', { schema: { operationId: 'giveConsent', summary: 'Consent to the processing of personal data (the text in force)', tags,
    body: consentBody, response: { 204: z.null(), 400: problem } } },
  async (request, reply) => { await giveConsent(app.db, currentUser(request), request.body.consent, app.clock.now()); return reply.code(204).send(null); });

  app.get('/legal/consent', { config: { public: true },
    schema: { operationId: 'getConsentText', summary: 'The consent text in force (152-ФЗ), in the Accept-Language language', tags,
      response: { 200: consentText } } },
  async (request, reply) => {
    const lang = languageOf(request.headers['accept-language']);
    reply.header('vary', 'accept-language').header('content-language', lang);
    return consentTextOf(lang);
  });
};
export default routes;
