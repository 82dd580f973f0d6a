// Opaque list cursors: the position of the last item, signed so that a cursor the server never issued is a 400,
// and bound to the list that issued it (its name and every filter that shapes it), so that a cursor replayed on
// another list, or on the same list with other filters, is a 400 too and never reaches a query as a wrong value.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { fieldInvalid } from '../domain/errors.js';

export type CursorValue = string | number | null;
type FilterValue = string | number | boolean | null | undefined;

/** A list as its cursors know it: its name and its filters (unset ones left out, in any order). */
export interface CursorList { readonly key: string; readonly secret: string }

export function cursorList(name: string, filter: Record<string, FilterValue>, secret: string): CursorList {
  const set = Object.entries(filter).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const key = createHash('sha256').update(JSON.stringify([name, set])).digest('base64url').slice(0, 16);
  return { key, secret };
}

export function encodeCursor(list: CursorList, values: CursorValue[]): string {
  const body = Buffer.from(JSON.stringify([list.key, ...values])).toString('base64url');
  return `${body}.${sign(body, list.secret)}`;
}

/** The values of a cursor this list issued; `invalid-cursor` for one never issued, `cursor-other-list` for another list's. */
export function decodeCursor(cursor: string, list: CursorList, arity: number): CursorValue[] {
  const [body, mac, ...rest] = cursor.split('.');
  if (!body || !mac || rest.length) throw fieldInvalid('cursor', 'invalid-cursor');
  const expected = Buffer.from(sign(body, list.secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw fieldInvalid('cursor', 'invalid-cursor');
  const [key, ...values] = JSON.parse(Buffer.from(body, 'base64url').toString()) as [string, ...CursorValue[]];
  if (key !== list.key || values.length !== arity) throw fieldInvalid('cursor', 'cursor-other-list');
  return values;
}

function sign(body: string, secret: string) {
  return createHmac('sha256', secret).update('cursor:' + body).digest('base64url').slice(0, 22);
}

/** Cuts a fetched page of limit+1 rows into items and the next cursor of the list. */
export function pageOf<R, T>(rows: R[], limit: number, list: CursorList, key: (row: R) => CursorValue[], map: (row: R) => T) {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  return {
    items: slice.map(map),
    nextCursor: more ? encodeCursor(list, key(slice[slice.length - 1])) : null,
  };
}
