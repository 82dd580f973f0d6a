// Opaque list cursors: the position of the last item, signed so that a cursor the server never issued is a 400.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { fieldInvalid } from '../domain/errors.js';

export type CursorValue = string | number | null;

export function encodeCursor(values: CursorValue[], secret: string): string {
  const body = Buffer.from(JSON.stringify(values)).toString('base64url');
  return `${body}.${sign(body, secret)}`;
}

export function decodeCursor(cursor: string, secret: string, arity: number): CursorValue[] {
  const [body, mac] = cursor.split('.');
  if (!body || !mac) throw fieldInvalid('cursor', 'invalid-cursor');
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw fieldInvalid('cursor', 'invalid-cursor');
  const values = JSON.parse(Buffer.from(body, 'base64url').toString()) as CursorValue[];
  if (!Array.isArray(values) || values.length !== arity) throw fieldInvalid('cursor', 'cursor-other-list');
  return values;
}

function sign(body: string, secret: string) {
  return createHmac('sha256', secret).update('cursor:' + body).digest('base64url').slice(0, 22);
}

/** Cuts a fetched page of limit+1 rows into items and the next cursor. */
export function pageOf<R, T>(rows: R[], limit: number, secret: string, key: (row: R) => CursorValue[], map: (row: R) => T) {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  return {
    items: slice.map(map),
    nextCursor: more ? encodeCursor(key(slice[slice.length - 1]), secret) : null,
  };
}
