// The figures a minister quotes, within what the user may see.
import type { Totals, TotalsQuery } from '@konkurs/shared';
import type { Executor } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { figuresScope, totals } from '../queries/stats.js';

/** `now` is the request's clock: a report still owed after its deadline counts as overdue. */
export async function figuresTotals(db: Executor, actor: AuthUser, query: TotalsQuery, now: Date): Promise<Totals> {
  const { groupBy, ...filter } = query;
  return totals(db, groupBy, await figuresScope(db, actor, filter), now);
}
