// Open data, no sign-in: the winners registry of every competition whose results are published, as JSON and
// CSV at stable URLs, with an index of the datasets and a Table Schema of the CSV columns; and the latest published
// checkpoint of the audit chain with the key that verifies it, for anyone to keep.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditCheckpoint, auditPublicKey, idParams, openDataCsv, openDataIndex, openDataTableSchema, openDataWinners, problem } from '@konkurs/shared';
import { publishedCompetition, publishedCompetitions, winners, winnersCsv } from '../queries/exports.js';
import { winnersTableSchema } from '../domain/csv.js';
import { sendCsv } from '../lib/csv.js';
import { publicKeyOf } from '../lib/audit-key.js';
import { publishedCheckpoint } from '../services/audit-checkpoints.js';

const BASE = '/api/v1/open-data';
/** Published data changes only when another competition is published: caches may keep it a few minutes. */
const CACHE = 'public, max-age=300';
/** The signing key changes only when the operator replaces it. */
const KEY_CACHE = 'public, max-age=86400';

const routes: FastifyPluginAsyncZod = async (app) => {
  const config = { public: true };
  /** The registry itself, read whole by every request: it takes one of the process's open-data slots while it is sent. */
  const dataset = { ...config, download: 'open-data' as const };
  const tags = ['open data'];
  /** A dataset of one published competition, by its id. */
  const ofCompetition = <B>(operationId: string, summary: string, body: B, produces?: string[]) =>
    ({ config: dataset, schema: { operationId, summary, tags, params: idParams, ...(produces ? { produces } : {}), response: { 200: body, 400: problem, 404: problem } } });
  const CSV = ['text/csv'];

  app.get('/open-data', {
    config, schema: { operationId: 'listOpenDatasets', summary: 'List the published datasets of winners', tags, response: { 200: openDataIndex } },
  }, async (_request, reply) => {
    const comps = await publishedCompetitions(app.db);
    reply.header('cache-control', CACHE);
    return {
      title: 'Открытые данные: реестры победителей конкурсов',
      schema: `${BASE}/schema.json`,
      datasets: [
        { id: 'winners', title: 'Реестр победителей всех конкурсов', competitionId: null, competitionCode: null, publishedAt: null,
          json: `${BASE}/winners.json`, csv: `${BASE}/winners.csv` },
        ...comps.map((c) => ({
          id: `winners-${c.code}`, title: `Реестр победителей: ${c.title}`, competitionId: c.id, competitionCode: c.code,
          publishedAt: c.publishedAt?.toISOString() ?? null,
          json: `${BASE}/competitions/${c.id}/winners.json`, csv: `${BASE}/competitions/${c.id}/winners.csv`,
        })),
      ],
    };
  });

  app.get('/open-data/schema.json', {
    config, schema: { operationId: 'getWinnersTableSchema', summary: 'Get the Table Schema of the winners CSV', tags, response: { 200: openDataTableSchema } },
  }, async (_request, reply) => {
    reply.header('cache-control', CACHE);
    return winnersTableSchema();
  });

  app.get('/open-data/winners.json', {
    config: dataset, schema: { operationId: 'listWinners', summary: 'List the winners of every published competition', tags, response: { 200: openDataWinners } },
  }, async (_request, reply) => {
    reply.header('cache-control', CACHE);
    return { items: await winners(app.database, app.clock.now()) };
  });

  app.get('/open-data/winners.csv', {
    config: dataset, schema: { operationId: 'downloadWinnersCsv', summary: 'Download the winners of every published competition as CSV', tags, produces: CSV, response: { 200: openDataCsv } },
  }, async (_request, reply) => sendCsv(reply, 'winners.csv', await winnersCsv(app.database, app.clock.now()), CACHE));

  app.get('/open-data/competitions/:id/winners.json',
    ofCompetition('listCompetitionWinners', 'List the winners of one published competition', openDataWinners),
    async (request, reply) => {
      const comp = await publishedCompetition(app.db, request.params.id);
      reply.header('cache-control', CACHE);
      return { items: await winners(app.database, app.clock.now(), comp.id) };
    });

  app.get('/open-data/competitions/:id/winners.csv',
    ofCompetition('downloadCompetitionWinnersCsv', 'Download the winners of one published competition as CSV', openDataCsv, CSV),
    async (request, reply) => {
      const comp = await publishedCompetition(app.db, request.params.id);
      return sendCsv(reply, `winners-${comp.code}.csv`, await winnersCsv(app.database, app.clock.now(), comp.id), CACHE);
    });

  app.get('/open-data/audit-checkpoint', {
    config, schema: { operationId: 'getAuditCheckpoint', summary: 'Get the latest published checkpoint of the audit chain', tags, response: { 200: auditCheckpoint } },
  }, async (_request, reply) => {
    reply.header('cache-control', CACHE);
    return publishedCheckpoint(app.db, app.auditKey, app.clock.now());
  });

  const publicKey = publicKeyOf(app.auditKey);
  app.get('/open-data/audit-public-key', {
    config, schema: { operationId: 'getAuditPublicKey', summary: 'Get the ed25519 public key that verifies audit checkpoints', tags, response: { 200: auditPublicKey } },
  }, async (_request, reply) => {
    reply.header('cache-control', KEY_CACHE);
    return publicKey;
  });
};
export default routes;
