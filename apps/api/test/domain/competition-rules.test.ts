import { describe, expect, it } from 'vitest';
import { EDITABLE_FIELDS } from '@konkurs/shared';
import { assertCanOpen, assertReviewCanStart, frozenFieldIssues } from '../../src/domain/competition-rules.js';

const closesAt = new Date('2027-02-01T00:00:00Z');
const stage = (status: 'draft' | 'open' | 'review' | 'archived') => ({ code: 'KLG-2027', status, closesAt, timezone: 'Asia/Yekaterinburg' });
const now = new Date('2027-01-15T00:00:00Z');

describe('frozenFieldIssues', () => {
  it('accepts exactly the fields the shared workflow lists for the status', () => {
    for (const status of ['draft', 'open', 'review', 'archived'] as const) {
      const patch = Object.fromEntries(EDITABLE_FIELDS[status].filter((f) => f !== 'closesAt').map((f) => [f, 1]));
      expect(frozenFieldIssues(stage(status), patch, now), status).toEqual([]);
    }
    expect(frozenFieldIssues(stage('review'), { reviewersPerApplication: 3, title: 'x', version: 2 }, now))
      .toEqual([{ path: 'reviewersPerApplication', code: 'field-frozen', params: { status: 'review' } }]);
    expect(frozenFieldIssues(stage('open'), { criteria: [] }, now)).toEqual([{ path: 'criteria', code: 'criteria-frozen' }]);
  });

  it('while open, the closing time moves only later, and into the future', () => {
    expect(frozenFieldIssues(stage('open'), { closesAt: '2027-01-31T00:00:00Z' }, now)).toEqual([{ path: 'closesAt', code: 'closes-at-only-later' }]);
    expect(frozenFieldIssues(stage('open'), { closesAt: '2027-03-01T00:00:00Z' }, now)).toEqual([]);
    expect(frozenFieldIssues(stage('open'), { closesAt: '2027-03-01T00:00:00Z' }, new Date('2027-04-01T00:00:00Z'))).toEqual([{ path: 'closesAt', code: 'closes-at-past' }]);
    expect(frozenFieldIssues(stage('draft'), { closesAt: '2026-01-01T00:00:00Z' }, now)).toEqual([]);
  });
});

describe('the early moves', () => {
  it('refuse with the closing time and the competition’s zone as parameters', () => {
    expect(() => assertReviewCanStart(stage('open'), now)).toThrow(expect.objectContaining({
      kind: 'conflict', code: 'review-too-early', params: { code: 'KLG-2027', closesAt: '2027-02-01T00:00:00.000Z', timezone: 'Asia/Yekaterinburg' } }));
    expect(() => assertReviewCanStart(stage('open'), closesAt)).not.toThrow();
    expect(() => assertCanOpen(stage('draft'), now)).not.toThrow();
    expect(() => assertCanOpen(stage('draft'), closesAt)).toThrow(expect.objectContaining({ code: 'closes-at-passed' }));
  });
});
