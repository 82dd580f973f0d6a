// The outgoing mail as the admin reads it (with no SMTP server configured, the only way to read it), rendered exactly
// as the worker sends it, and the recipient's one-click way out of one kind of e-mail.
import type { OutboxItem, OutboxMessage, OutboxStatus } from '@konkurs/shared';
import type { Db, Executor } from '../db/client.js';
import { fieldInvalid, notFound } from '../domain/errors.js';
import { cursorList, decodeCursor, pageOf } from '../lib/cursor.js';
import { renderEmail, verifyUnsubscribeToken, type MailSettings } from '../lib/email.js';
import { findOutboxRow, listOutbox, turnEmailOff, type OutboxRow } from '../queries/outbox.js';

function toItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id, to: row.toAddress, kind: row.kind, subject: row.subject, status: row.status, attempts: row.attempts,
    createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null, lastError: row.lastError,
  };
}

/** Newest first; `status` narrows it. */
export async function outboxPage(db: Executor, query: { status?: OutboxStatus; limit: number; cursor?: string }, secret: string) {
  const { status, limit, cursor } = query;
  const list = cursorList('outbox', { status }, secret);
  let after: { createdAt: Date; id: string } | undefined;
  if (cursor) {
    const [createdAt, id] = decodeCursor(cursor, list, 2);
    after = { createdAt: new Date(String(createdAt)), id: String(id) };
  }
  const rows = await listOutbox(db, { status, after }, limit);
  return pageOf(rows, limit, list, (r) => [r.createdAt.toISOString(), r.id], toItem);
}

/** One e-mail with its text and HTML as sent (or to be sent); a secret link reads as sent until the e-mail goes. */
export async function outboxMessage(db: Executor, id: string, settings: MailSettings): Promise<OutboxMessage> {
  const row = await findOutboxRow(db, id);
  if (!row) throw notFound('email');
  const email = renderEmail(row, settings);
  return { ...toItem(row), text: email.text, html: email.html, link: email.link };
}

/** The link of a notice e-mail (or a mail client's one-click POST): that kind's e-mail off for that user. */
export async function unsubscribe(db: Db, token: string | undefined, secret: string): Promise<void> {
  const target = token ? verifyUnsubscribeToken(secret, token) : null;
  if (!target || !(await turnEmailOff(db, target.userId, target.kind))) throw fieldInvalid('token', 'token-invalid');
}
