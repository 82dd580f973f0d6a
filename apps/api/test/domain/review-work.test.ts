import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { requireAssignable, requireOpenAssignment, requireOpenPool, requireReview } from '../../src/domain/review-work.js';

const refusal = (f: () => void) => {
  try { f(); } catch (e) { expect(e).toBeInstanceOf(DomainError); return { code: (e as DomainError).code, params: (e as DomainError).params }; }
  return null;
};

describe('when review work may happen', () => {
  it('needs the competition in review, the pool open until the decision', () => {
    expect(refusal(() => requireReview({ status: 'review', code: 'K-1' }))).toBeNull();
    expect(refusal(() => requireReview({ status: 'open', code: 'K-1' }))).toEqual({ code: 'competition-not-in-review', params: { code: 'K-1', status: 'open' } });
    for (const status of ['draft', 'open', 'review'] as const) expect(refusal(() => requireOpenPool({ status, code: 'K-1' }))).toBeNull();
    for (const status of ['decided', 'published', 'archived'] as const) expect(refusal(() => requireOpenPool({ status, code: 'K-1' }))?.code).toBe('pool-closed');
  });

  it('assigns admitted applications and those under review only, and stops work on a closed assignment', () => {
    for (const status of ['admitted', 'under_review'] as const) expect(refusal(() => requireAssignable({ status, number: 'A-1' }))).toBeNull();
    for (const status of ['submitted', 'reviewed', 'winner'] as const)
      expect(refusal(() => requireAssignable({ status, number: 'A-1' }))).toEqual({ code: 'application-not-assignable', params: { number: 'A-1', status } });
    expect(refusal(() => requireOpenAssignment({ status: 'assigned' }))).toBeNull();
    expect(refusal(() => requireOpenAssignment({ status: 'submitted' }))?.code).toBe('already-submitted');
    expect(refusal(() => requireOpenAssignment({ status: 'declined' }))?.code).toBe('assignment-declined');
  });
});
