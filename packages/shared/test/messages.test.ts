import { describe, expect, it } from 'vitest';
import { EXPORT_MESSAGES, FIELD_MESSAGES, PROBLEM_MESSAGES, REVIEW_MESSAGES } from '../src/index.js';
import { REPORT_MESSAGES } from '../src/messages/reports.js';

describe('messages', () => {
  it('give each code one text: no code is declared in two files (the later would silently win)', () => {
    const files = { fields: FIELD_MESSAGES, problems: PROBLEM_MESSAGES, review: REVIEW_MESSAGES, exports: EXPORT_MESSAGES, reports: REPORT_MESSAGES };
    const owners = new Map<string, string[]>();
    for (const [file, messages] of Object.entries(files)) for (const code of Object.keys(messages)) owners.set(code, [...(owners.get(code) ?? []), file]);
    expect([...owners].filter(([, where]) => where.length > 1).map(([code, where]) => `${code}: ${where.join(', ')}`)).toEqual([]);
  });
});
