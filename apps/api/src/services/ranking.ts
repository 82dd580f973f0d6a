// The organiser's ranking of a competition: one order for the list, the award proposal and the applicant's rank,
// read a page at a time. The page is cut from the computed order here (issue 15 moves it into SQL); a cursor holds
// the list it was issued for (competition and filters) and the offset after its page.
import type { RankingPage, RankingQuery, RankingRow, RankingSort } from '@konkurs/shared';
import type { Executor } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { fieldInvalid } from '../domain/errors.js';
import { cursorList, decodeCursor, encodeCursor } from '../lib/cursor.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import { competitionRanking } from '../queries/ranking.js';

export async function rankingOfCompetition(db: Executor, actor: AuthUser, competitionId: string, query: RankingQuery, secret: string): Promise<RankingPage> {
  const comp = await competitionOfOrganiser(db, actor, competitionId);
  const list = cursorList('ranking', { competitionId: comp.id, sort: query.sort, status: query.status, divergent: query.divergent, q: query.q }, secret);
  let offset = 0;
  if (query.cursor) {
    const [after] = decodeCursor(query.cursor, list, 1);
    if (typeof after !== 'number') throw fieldInvalid('cursor', 'cursor-other-list');
    offset = after;
  }
  const rows = sortRanking(filterRanking(await competitionRanking(db, comp), query), query.sort);
  const items = rows.slice(offset, offset + query.limit);
  const end = offset + items.length;
  return { items, nextCursor: end < rows.length ? encodeCursor(list, [end]) : null };
}

function filterRanking(rows: RankingRow[], { status, divergent, q }: RankingQuery): RankingRow[] {
  const needle = q?.toLocaleLowerCase('ru');
  if (!status && !divergent && !needle) return rows;
  return rows.filter((r) => (!status || r.status === status) && (!divergent || r.divergent === (divergent === 'true'))
    && (!needle || [r.number, r.title ?? '', r.organization].some((s) => s.toLocaleLowerCase('ru').includes(needle))));
}

/**
 * The ranking order unless another is asked for; the waiting applications stay after the ranked ones in every order
 * (they have no rank yet). Ties keep the ranking order (a stable sort over it).
 */
function sortRanking(rows: RankingRow[], sort: RankingSort): RankingRow[] {
  if (sort === 'rank') return rows;
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as keyof RankingRow;
  const collator = new Intl.Collator('ru', { numeric: true });
  const compare = (a: RankingRow, b: RankingRow) => {
    const x = a[key] as string | number | null;
    const y = b[key] as string | number | null;
    if (x === y) return 0;
    if (x === null) return 1; // no score yet: last in either direction
    if (y === null) return -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return desc ? -c : c;
  };
  return [...rows].sort((a, b) => Number(a.waiting) - Number(b.waiting) || compare(a, b));
}
