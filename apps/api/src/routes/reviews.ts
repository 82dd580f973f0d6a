import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, problem, review, reviewBody, reviewSubmitResult } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import {
  assignmentOfExpert, criteriaOf, lockForReviewWork, markSubmitted, requireOpenAssignment, reviewOfAssignment, saveDraft, settleApplication, toReview,
} from '../queries/reviews.js';
import { expertTotal, normaliseScores, reviewCompletenessErrors, scoreInputErrors } from '../domain/scoring.js';
import { recordAudit } from '../services/audit-log.js';
import { badRequest, unprocessable } from '../lib/problem.js';

// Only the assigned expert reaches a review (anyone else: 404); an expert never sees another's scores.
const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reviews'];
  const config = { roles: ['expert'] as const };

  app.get('/assignments/:id/review', { config, schema: { tags, params: idParams, response: { 200: review, 404: problem } } }, async (request) => {
    const user = currentUser(request);
    const assignment = await assignmentOfExpert(app.db, user, request.params.id);
    const [row, crit] = await Promise.all([reviewOfAssignment(app.db, assignment.id), criteriaOf(app.db, assignment.competitionId)]);
    return toReview(assignment, row, crit);
  });

  app.put('/assignments/:id/review', {
    config, schema: { tags, params: idParams, body: reviewBody, response: { 200: review, 400: problem, 404: problem, 409: problem, 412: problem } },
  }, async (request) => {
    const user = currentUser(request);
    const { version, scores, comment } = request.body;
    return app.db.transaction(async (tx) => {
      const own = await assignmentOfExpert(tx, user, request.params.id);
      const crit = await criteriaOf(tx, own.competitionId);
      const errors = scoreInputErrors(scores.map((s) => ({ criterionCode: s.criterionCode, score: s.score ?? null })), crit);
      if (errors.length) throw badRequest(`The scores are not valid: ${errors.map((e) => e.path).join(', ')}`, errors);
      const { assignment } = await lockForReviewWork(tx, own, 'reviewing');
      requireOpenAssignment(assignment);
      const stored = normaliseScores(scores.map((s) => ({ criterionCode: s.criterionCode, score: s.score ?? null, comment: s.comment })), crit);
      const row = await saveDraft(tx, assignment, { version, scores: stored, comment }, app.clock.now());
      return toReview(assignment, row, crit);
    });
  });

  app.post('/assignments/:id/review/submit', {
    config, schema: { tags, params: idParams, response: { 200: reviewSubmitResult, 404: problem, 409: problem, 422: problem } },
  }, async (request) => {
    const user = currentUser(request);
    const at = app.clock.now();
    return app.db.transaction(async (tx) => {
      const own = await assignmentOfExpert(tx, user, request.params.id);
      // The application row stays locked to the end: two reviews submitted at once are settled one after the other.
      const { comp, app: application, assignment } = await lockForReviewWork(tx, own, 'reviewing');
      requireOpenAssignment(assignment);
      const [row, crit] = await Promise.all([reviewOfAssignment(tx, assignment.id), criteriaOf(tx, assignment.competitionId)]);
      const scores = normaliseScores(row?.scores ?? [], crit);
      const problems = reviewCompletenessErrors(scores, crit);
      if (!row || problems.length) throw unprocessable('The review is not complete', problems.length ? problems : [{ path: 'scores', message: 'save the scores first' }]);
      const total = expertTotal(scores, crit);
      await markSubmitted(tx, row, total, at);
      await recordAudit(tx, { actorId: user.id, action: 'review.submitted', entityType: 'review', entityId: row.id, operatorId: comp.operatorId,
        before: { status: 'draft' }, after: { status: 'submitted', applicationId: application.id, total }, at });
      await settleApplication(tx, application, comp, at);
      return { total };
    });
  });
};
export default routes;
