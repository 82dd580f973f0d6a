// The competition's commission (PRODUCT.md "After the award"): the members the protocol lists and who signs it.
import type { CommissionMember } from '@konkurs/shared';
import type { FieldIssue } from './errors.js';

/** A commission has at most one chair and one secretary: the second of either is named by its index. */
export function commissionIssues(members: readonly CommissionMember[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (m.role === 'member') return;
    if (seen.has(m.role)) issues.push({ path: `members.${i}.role`, code: m.role === 'chair' ? 'commission-one-chair' : 'commission-one-secretary' });
    seen.add(m.role);
  });
  return issues;
}
