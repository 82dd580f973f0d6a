import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  COMPETITION_MOVES, canMove, competition, competitionSettingsIssues, competitionsQuery, createCompetitionBody, idParams, page, problem, updateCompetitionBody,
  type CompetitionStatus,
} from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { decodeCursor, pageOf } from '../lib/cursor.js';
import { badRequest, conflict, staleVersion } from '../lib/problem.js';
import { recordAudit } from '../services/audit-log.js';
import { transitionCompetition } from '../services/transitions.js';

import { frozenFieldIssues, openingProblem, reviewStartProblem } from '../domain/competition-rules.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import {
  competitionView, competitionViews, createCompetition, listCompetitions, settingsOf, updateCompetition, visibleCompetition, type CompetitionRow,
} from '../queries/competitions.js';

/** The lifecycle moves an organiser makes by name; each refused with 409 from the wrong status. */
const MOVES: { path: string; to: CompetitionStatus; problem?: (c: CompetitionRow, now: Date) => string | null; set?: (now: Date) => Partial<CompetitionRow> }[] = [
  { path: 'open', to: 'open', problem: openingProblem },
  { path: 'start-review', to: 'review', problem: reviewStartProblem },
  { path: 'publish', to: 'published', set: (now) => ({ publishedAt: now }) },
  { path: 'archive', to: 'archived' },
];

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['competitions'];
  const staff = { roles: ['organiser', 'admin'] } as const;

  app.post('/competitions', { config: staff, schema: { tags, body: createCompetitionBody, response: { 201: competition, 400: problem, 403: problem, 409: problem } } },
    async (request, reply) => {
      const actor = currentUser(request);
      const created = await app.db.transaction(async (tx) => {
        const row = await createCompetition(tx, actor, request.body);
        await recordAudit(tx, { actorId: actor.id, action: 'competition.created', entityType: 'competition', entityId: row.id, operatorId: row.operatorId,
          after: request.body, at: app.clock.now() });
        return row;
      });
      return reply.code(201).send(await competitionView(app.db, created));
    });

  app.get('/competitions', { config: { public: true }, schema: { tags, querystring: competitionsQuery, response: { 200: page(competition), 400: problem } } },
    async (request) => {
      const { status, operatorId, limit, cursor } = request.query;
      const afterId = cursor ? String(decodeCursor(cursor, app.secret, 1)[0]) : undefined;
      const rows = await listCompetitions(app.db, request.auth, { status, operatorId, afterId }, limit);
      const { items, nextCursor } = pageOf(rows, limit, app.secret, (r) => [r.c.id], (r) => r);
      return { items: await competitionViews(app.db, items), nextCursor };
    });

  app.get('/competitions/:id', { config: { public: true }, schema: { tags, params: idParams, response: { 200: competition, 404: problem } } },
    async (request) => competitionView(app.db, await visibleCompetition(app.db, request.auth, request.params.id)));

  app.patch('/competitions/:id', { config: staff, schema: { tags, params: idParams, body: updateCompetitionBody,
    response: { 200: competition, 400: problem, 404: problem, 409: problem, 412: problem } } }, async (request) => {
    const actor = currentUser(request);
    const { version, ...patch } = request.body;
    const now = app.clock.now();
    const updated = await app.db.transaction(async (tx) => {
      const current = await competitionOfOrganiser(tx, actor, request.params.id, { lock: true });
      if (current.version !== version) throw staleVersion(current.version);
      const frozen = frozenFieldIssues(current, patch, now);
      if (frozen.length) throw conflict('frozen', `Competition ${current.code} is ${current.status}: ${frozen.map((f) => f.path).join(', ')} can no longer change`, frozen);
      // The patch alone passed the schema; the settings it leaves in place must still agree with it.
      const issues = competitionSettingsIssues({ ...settingsOf(current), ...patch });
      if (issues.length) throw badRequest(`The settings do not agree: ${issues.map((i) => i.path).join(', ')}`, issues);
      const row = await updateCompetition(tx, current, patch, now);
      const changed = Object.keys(patch) as (keyof typeof patch)[];
      await recordAudit(tx, { actorId: actor.id, action: 'competition.updated', entityType: 'competition', entityId: row.id, operatorId: row.operatorId,
        before: Object.fromEntries(changed.filter((k) => k in current).map((k) => [k, current[k as keyof CompetitionRow]])), after: patch, at: now });
      return row;
    });
    return competitionView(app.db, updated);
  });

  for (const move of MOVES) {
    app.post(`/competitions/:id/${move.path}`, { config: staff, schema: { tags, params: idParams, response: { 200: competition, 404: problem, 409: problem } } },
      async (request) => {
        const actor = currentUser(request);
        const now = app.clock.now();
        const moved = await app.db.transaction(async (tx) => {
          const current = await competitionOfOrganiser(tx, actor, request.params.id, { lock: true });
          // From the wrong status the transition's own 409 says so; from the right one, the move may still be early.
          const why = canMove(COMPETITION_MOVES, current.status, move.to, actor.role) ? move.problem?.(current, now) : null;
          if (why) throw conflict('not-yet', `Competition ${current.code}: ${why}`);
          return transitionCompetition(tx, current, move.to, { id: actor.id, role: actor.role }, now, { set: { ...move.set?.(now), version: current.version + 1 } });
        });
        return competitionView(app.db, moved);
      });
  }
};
export default routes;
