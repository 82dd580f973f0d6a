import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, problem, screeningBody, screeningResult } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { applicationOfOrganiser } from '../queries/scope.js';
import { competitionSharedLock, requireReview } from '../queries/assignments.js';
import { transitionApplication } from '../services/transitions.js';

// Screening happens once the competition is in review (after the call has closed), as PRODUCT.md
// orders it; an application submitted earlier waits until then.
const routes: FastifyPluginAsyncZod = async (app) => {
  app.post('/applications/:id/screening', {
    config: { roles: ['organiser', 'admin'] },
    schema: { tags: ['applications'], params: idParams, body: screeningBody, response: { 200: screeningResult, 400: problem, 404: problem, 409: problem } },
  }, async (request) => {
    const user = currentUser(request);
    const { decision, reason } = request.body;
    const to = decision === 'admit' ? 'admitted' as const : 'rejected' as const;
    const row = await app.db.transaction(async (tx) => {
      const { application } = await applicationOfOrganiser(tx, user, request.params.id);
      const comp = await competitionSharedLock(tx, application.competitionId);
      requireReview(comp, 'screening');
      const { application: locked } = await applicationOfOrganiser(tx, user, application.id, { lock: true });
      return transitionApplication(tx, locked, to, { id: user.id, role: user.role }, app.clock.now(), {
        set: { screeningReason: reason || null }, operatorId: comp.operatorId, detail: reason ? { reason } : undefined,
      });
    });
    return { id: row.id, number: row.number, status: to, screeningReason: row.screeningReason };
  });
};
export default routes;
