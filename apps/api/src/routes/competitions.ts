import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { competition, competitionsQuery, createCompetitionBody, idParams, page, problem, updateCompetitionBody } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import {
  archiveCompetition, competitionPage, createCompetition, openCompetition, publishCompetition, readCompetition, startCompetitionReview, updateCompetition,
} from '../services/competitions.js';

/** The lifecycle moves an organiser makes by name; each refused with 409 from the wrong status. */
const MOVES = [
  { path: 'open', run: openCompetition, operationId: 'openCompetition', summary: 'Start accepting applications' },
  { path: 'start-review', run: startCompetitionReview, operationId: 'startCompetitionReview', summary: 'Close the call and start the review' },
  { path: 'publish', run: publishCompetition, operationId: 'publishCompetition', summary: 'Publish the decided results' },
  { path: 'archive', run: archiveCompetition, operationId: 'archiveCompetition', summary: 'Archive a published competition' },
];

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['competitions'];
  const staff = { roles: ['organiser', 'admin'] } as const;

  app.post('/competitions', { config: staff, schema: { operationId: 'createCompetition', summary: 'Create a competition (a draft)', tags,
    body: createCompetitionBody, response: { 201: competition, 400: problem, 403: problem, 409: problem } } },
  async (request, reply) => reply.code(201).send(await createCompetition(app.db, currentUser(request), request.body, app.clock.now())));

  app.get('/competitions', { config: { public: true }, schema: { operationId: 'listCompetitions', summary: 'List the competitions the caller may see',
    tags, querystring: competitionsQuery, response: { 200: page(competition), 400: problem } } },
  async (request) => competitionPage(app.db, request.auth, request.query, app.secret));

  app.get('/competitions/:id', { config: { public: true }, schema: { operationId: 'getCompetition', summary: 'Read a competition with its criteria',
    tags, params: idParams, response: { 200: competition, 404: problem } } },
  async (request) => readCompetition(app.db, request.auth, request.params.id));

  app.patch('/competitions/:id', { config: staff, schema: { operationId: 'updateCompetition', summary: 'Change the settings its stage allows',
    tags, params: idParams, body: updateCompetitionBody, response: { 200: competition, 400: problem, 404: problem, 409: problem, 412: problem } } },
  async (request) => updateCompetition(app.db, currentUser(request), request.params.id, request.body, app.clock.now()));

  for (const move of MOVES) {
    app.post(`/competitions/:id/${move.path}`, { config: staff, schema: { operationId: move.operationId, summary: move.summary,
      tags, params: idParams, response: { 200: competition, 404: problem, 409: problem } } },
    async (request) => move.run(app.db, currentUser(request), request.params.id, app.clock.now()));
  }
};
export default routes;
