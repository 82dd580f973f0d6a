// Open data, no sign-in: the winners registry of every competition whose results are published, as JSON and
// CSV at stable URLs, with an index of the datasets and a Table Schema of the CSV columns.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problem } from '@konkurs/shared';
import { exportCompetitions, publishedCompetitions, RESULTS_PUBLIC, winnerRows, type ApplicationExportRow } from '../queries/exports.js';
import { directionName, OPEN_DATA_FIELDS, openDataTableSchema, regionName, type CellContext } from '../domain/csv.js';
import { csvDialect, csvStream, sendCsv } from '../lib/csv.js';
import { notFound } from '../lib/problem.js';

const BASE = '/api/v1/open-data';
/** Published data changes only when another competition is published: caches may keep it a few minutes. */
const CACHE = 'public, max-age=300';

const winner = z.object({
  applicationNumber: z.string(),
  competitionCode: z.string(),
  competition: z.string(),
  organization: z.string(),
  inn: z.string(),
  regionCode: z.string(),
  region: z.string().nullable(),
  project: z.string().nullable(),
  directionCode: z.string().nullable(),
  direction: z.string().nullable(),
  amountKopecks: z.number().int(),
  finalScore: z.number().nullable(),
});
const winners = z.object({ items: z.array(winner) });
const dataset = z.object({
  id: z.string(),
  title: z.string(),
  competitionId: z.string().nullable(),
  competitionCode: z.string().nullable(),
  publishedAt: z.string().nullable(),
  json: z.string(),
  csv: z.string(),
});
const index = z.object({ title: z.string(), schema: z.string(), datasets: z.array(dataset) });

function toWinner(r: ApplicationExportRow, ctx: CellContext): z.infer<typeof winner> {
  const comp = ctx.competitions?.get(r.competitionId);
  return {
    applicationNumber: r.number, competitionCode: comp?.code ?? '', competition: comp?.title ?? '', organization: r.organization, inn: r.inn,
    regionCode: r.regionCode, region: regionName(r.regionCode), project: r.title, directionCode: r.directionCode,
    direction: r.directionCode ? directionName(r.directionCode, 'ru') : null, amountKopecks: r.awardedKopecks ?? 0, finalScore: r.finalScore,
  };
}

const routes: FastifyPluginAsyncZod = async (app) => {
  const config = { public: true };
  const tags = ['open data'];
  const csvHeader = OPEN_DATA_FIELDS.map((f) => f.name);
  // Machines read open data: `,` and a decimal point, no byte order mark.
  const dialect = csvDialect('comma', false);

  async function publicCompetition(id: string) {
    const [comp] = await publishedCompetitions(app.db, id);
    if (!comp) throw notFound('Published competition');
    return comp;
  }
  const context = async (): Promise<CellContext> => ({ lang: 'ru', decimal: dialect.decimal, competitions: await exportCompetitions(app.db, RESULTS_PUBLIC) });
  async function winnersJson(competitionId?: string) {
    const ctx = await context();
    const items = [];
    for await (const row of winnerRows(app.database, competitionId)) items.push(toWinner(row, ctx));
    return { items };
  }
  async function winnersCsv(competitionId?: string) {
    const ctx = await context();
    async function* rows() {
      for await (const row of winnerRows(app.database, competitionId)) yield OPEN_DATA_FIELDS.map((f) => f.cell(row, ctx));
    }
    return csvStream(csvHeader, rows(), dialect);
  }

  app.get('/open-data', { config, schema: { tags, response: { 200: index } } }, async (_request, reply) => {
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

  app.get('/open-data/schema.json', { config, schema: { tags } }, async (_request, reply) => {
    reply.header('cache-control', CACHE);
    return openDataTableSchema();
  });

  app.get('/open-data/winners.json', { config, schema: { tags, response: { 200: winners } } }, async (_request, reply) => {
    reply.header('cache-control', CACHE);
    return winnersJson();
  });

  app.get('/open-data/winners.csv', { config, schema: { tags } }, async (_request, reply) =>
    sendCsv(reply, 'winners.csv', await winnersCsv(), CACHE));

  app.get('/open-data/competitions/:id/winners.json', {
    config, schema: { tags, params: idParams, response: { 200: winners, 400: problem, 404: problem } },
  }, async (request, reply) => {
    const comp = await publicCompetition(request.params.id);
    reply.header('cache-control', CACHE);
    return winnersJson(comp.id);
  });

  app.get('/open-data/competitions/:id/winners.csv', {
    config, schema: { tags, params: idParams, response: { 400: problem, 404: problem } },
  }, async (request, reply) => {
    const comp = await publicCompetition(request.params.id);
    return sendCsv(reply, `winners-${comp.code}.csv`, await winnersCsv(comp.id), CACHE);
  });
};
export default routes;
