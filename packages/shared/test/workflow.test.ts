// The rules the API and the SPA both ask: a change here changes both, so each boundary is pinned.
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_MOVES, COMPETITION_FIELDS, EDITABLE_FIELDS, WITHDRAWABLE, acceptsApplications, canMove, isAllowedAwardAmount, isEditable,
  isScoreInRange, movesFrom,
} from '../src/index.js';

describe('workflow', () => {
  it('derives the withdrawable statuses from the withdraw move', () => {
    expect(WITHDRAWABLE).toEqual(['draft', 'submitted', 'admitted']);
    expect(canMove(APPLICATION_MOVES, 'admitted', 'withdrawn', 'applicant')).toBe(true);
    expect(canMove(APPLICATION_MOVES, 'admitted', 'withdrawn', 'organiser')).toBe(false);
    expect(movesFrom(APPLICATION_MOVES, 'submitted', 'organiser')).toEqual(['admitted', 'rejected']);
  });

  it('lets a draft competition change everything and an archived one nothing', () => {
    expect(EDITABLE_FIELDS.draft).toEqual(COMPETITION_FIELDS);
    expect(EDITABLE_FIELDS.archived).toEqual([]);
    expect(isEditable('review', 'passMark')).toBe(true);
    expect(isEditable('review', 'reviewersPerApplication')).toBe(false);
  });

  it('accepts applications from opensAt up to, not including, closesAt, only while open', () => {
    const c = { status: 'open' as const, opensAt: '2027-01-01T00:00:00Z', closesAt: '2027-02-01T00:00:00Z' };
    expect(acceptsApplications(c, Date.parse('2026-12-31T23:59:59.999Z'))).toBe(false);
    expect(acceptsApplications(c, Date.parse('2027-01-01T00:00:00Z'))).toBe(true);
    expect(acceptsApplications(c, new Date('2027-01-31T23:59:59.999Z'))).toBe(true);
    expect(acceptsApplications(c, new Date('2027-02-01T00:00:00Z'))).toBe(false);
    expect(acceptsApplications({ ...c, status: 'review' }, Date.parse('2027-01-15T00:00:00Z'))).toBe(false);
  });

  it('allows an award amount from 1 kopeck up to the requested one, whole kopecks only', () => {
    expect(isAllowedAwardAmount(100, 100)).toBe(true);
    expect(isAllowedAwardAmount(1, 100)).toBe(true);
    expect(isAllowedAwardAmount(101, 100)).toBe(false);
    expect(isAllowedAwardAmount(0, 100)).toBe(false);
    expect(isAllowedAwardAmount(50.5, 100)).toBe(false);
    expect(isAllowedAwardAmount(Number.NaN, 100)).toBe(false);
  });

  it('takes whole scores from 0 to the maximum', () => {
    expect(isScoreInRange(0, 10)).toBe(true);
    expect(isScoreInRange(10, 10)).toBe(true);
    expect(isScoreInRange(11, 10)).toBe(false);
    expect(isScoreInRange(-1, 10)).toBe(false);
    expect(isScoreInRange(7.5, 10)).toBe(false);
  });
});
