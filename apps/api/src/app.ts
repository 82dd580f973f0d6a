// Builds the application (no listen): external plugins, then app plugins, then the routes of each resource.
import Fastify, { type FastifyInstance, type LogController } from 'fastify';
import multipart from '@fastify/multipart';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { trustProxyOption, type Config } from './config.js';
import deps, { type AppDeps } from './plugins/deps.js';
import errors, { clientErrors, frameworkErrors } from './plugins/errors.js';
import loadShedding from './plugins/load-shedding.js';
import jsonBody from './plugins/json-body.js';
import headers from './plugins/headers.js';
import auth from './plugins/auth.js';
import docs from './plugins/docs.js';
import web, { DEFAULT_WEB_DIST } from './plugins/web.js';
import limits from './lib/limits.js';
import healthRoutes from './routes/health.js';
import referenceRoutes from './routes/reference.js';
import authRoutes from './routes/auth.js';
import userRoutes from './routes/users.js';
import operatorRoutes from './routes/operators.js';
import organizationRoutes from './routes/organizations.js';
import competitionRoutes from './routes/competitions.js';
import applicationRoutes from './routes/applications.js';
import attachmentRoutes from './routes/attachments.js';
import reportRoutes from './routes/reports.js';
import reportAttachmentRoutes from './routes/report-attachments.js';
import screeningRoutes from './routes/screening.js';
import expertPoolRoutes from './routes/expert-pool.js';
import assignmentRoutes from './routes/assignments.js';
import reviewRoutes from './routes/reviews.js';
import rankingRoutes from './routes/ranking.js';
import awardRoutes from './routes/awards.js';
import resultRoutes from './routes/results.js';
import statsRoutes from './routes/stats.js';
import exportRoutes from './routes/exports.js';
import openDataRoutes from './routes/open-data.js';
import auditRoutes from './routes/audit.js';
import mailRoutes from './routes/mail.js';
import notificationRoutes from './routes/notifications.js';
import documentRoutes from './routes/documents.js';

export interface BuildOptions extends AppDeps {
  /** Shares rate-limit counters between API processes (lib/limits.ts counts in the process while it is away). */
  redis?: Redis;
  logger?: boolean | object;
  /** Which request lines are logged and at which level (lib/log-format.ts: at debug in development). */
  logController?: LogController;
  /** Serve the built SPA from this folder (default apps/web/dist); false to serve the API only. */
  webRoot?: string | false;
}

/**
 * How long a client may take (config.ts's HTTP_* settings): to send its headers, its whole request, to go silent
 * (a stalled body, a reader that stopped reading) and to keep an idle connection. Node checks the headers and
 * request deadlines every `connectionsCheckingInterval` (30 s by default): a second makes them hold to the second.
 */
const serverTimeouts = (config: Config) => ({
  http: { headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS, requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1000 },
  requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
  connectionTimeout: config.HTTP_IDLE_TIMEOUT_MS,
  keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
  clientErrorHandler: clientErrors,
});

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    logController: opts.logController,
    trustProxy: trustProxyOption(opts.config.TRUST_PROXY),
    bodyLimit: 2 * 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    frameworkErrors,
    ...serverTimeouts(opts.config),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(deps, opts);
  await app.register(errors);
  await app.register(loadShedding);
  await app.register(jsonBody);
  await app.register(headers);
  await app.register(limits, { redis: opts.redis });
  await app.register(multipart, { limits: { fileSize: opts.config.UPLOAD_MAX_BYTES, files: 1, fields: 5, fieldSize: 1000 } });
  await app.register(docs);
  await app.register(auth, { secret: opts.secret, ttlMinutes: opts.config.TOKEN_TTL_MINUTES });

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(async (api) => {
    for (const routes of [
      referenceRoutes, authRoutes, userRoutes, operatorRoutes, organizationRoutes, competitionRoutes, applicationRoutes,
      attachmentRoutes, reportRoutes, reportAttachmentRoutes, screeningRoutes, expertPoolRoutes, assignmentRoutes, reviewRoutes, rankingRoutes, awardRoutes,
      resultRoutes, statsRoutes, exportRoutes, openDataRoutes, auditRoutes, mailRoutes, notificationRoutes,
      documentRoutes,
    ]) await api.register(routes);
  }, { prefix: '/api/v1' });

  if (opts.webRoot !== false) await app.register(web, { root: opts.webRoot ?? opts.config.WEB_DIST ?? DEFAULT_WEB_DIST });
  return app;
}
