// Telling people what happened: a use case calls `notify` inside the transaction of its event, so an event never
// happens without its notice and a rolled-back event notifies nobody. Each recipient gets an inbox row in their
// language and, unless they turned the kind off (or their address is unconfirmed, or the account is inactive), one
// row in the e-mail outbox, which the worker (services/mail-worker.ts) sends. `queueEmail` is the outbox alone
// (account e-mails: reset, confirmation), for an address that need not be confirmed.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { NOTICE_TEXTS, type AccountEmailKind, type EmailKind, type MessageParams, type NotificationKind } from '@konkurs/shared';
import type { Tx } from '../db/client.js';
import { emailOutbox, notifications, notificationSettings, organizationMembers, users, type EmailPayload } from '../db/schema/index.js';

type Lang = 'ru' | 'en';

export interface NoticeInput {
  kind: NotificationKind;
  /** User ids; repeated ones are told once. The caller has checked that each may see the object. */
  recipients: readonly string[];
  /** What the kind's texts are filled from (messages/notifications.ts). */
  params: MessageParams;
  /** The path in the SPA the notice opens. */
  link: string;
  object?: { type: string; id: string };
  /** Instants in the texts are shown in this timezone (the competition's; Moscow by default). */
  timezone?: string;
  /** Reminders: a key per recipient (user, kind, object, step) that makes a second write a no-op, across processes. */
  dedupeKey?: (userId: string) => string;
}

/** The title and body of a kind in a language. */
export function noticeText(kind: EmailKind, params: MessageParams, lang: Lang, timezone?: string) {
  const text = NOTICE_TEXTS[kind];
  const ctx = { lang, timezone };
  return { title: text.title[lang](params, ctx), body: text.body[lang](params, ctx) };
}

/** Writes the notices (and their e-mails) in `tx`; answers how many recipients were newly told. */
export async function notify(tx: Tx, input: NoticeInput, at: Date): Promise<number> {
  const ids = [...new Set(input.recipients)];
  if (!ids.length) return 0;
  const people = await tx.select({
    id: users.id, email: users.email, language: users.language, active: users.active, verified: users.emailVerifiedAt,
    emailOn: sql<boolean | null>`(select ${notificationSettings.email} from ${notificationSettings}
      where ${notificationSettings.userId} = ${users.id} and ${notificationSettings.kind} = ${input.kind})`,
  }).from(users).where(inArray(users.id, ids));
  if (!people.length) return 0;

  const rows = people.map((p) => ({
    userId: p.id, kind: input.kind, ...noticeText(input.kind, input.params, p.language, input.timezone), link: input.link,
    objectType: input.object?.type ?? null, objectId: input.object?.id ?? null, dedupeKey: input.dedupeKey?.(p.id) ?? null, createdAt: at,
  }));
  const written = await tx.insert(notifications).values(rows).onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ userId: notifications.userId, title: notifications.title, body: notifications.body });
  const told = new Set(written.map((w) => w.userId));

  const mail = people.filter((p) => told.has(p.id) && p.active && p.verified !== null && p.emailOn !== false);
  if (mail.length) {
    const byUser = new Map(written.map((w) => [w.userId, w]));
    await tx.insert(emailOutbox).values(mail.map((p) => {
      const { title, body } = byUser.get(p.id)!;
      return outboxRow({ userId: p.id, to: p.email, kind: input.kind, language: p.language, payload: { title, body, link: input.link } }, at);
    }));
  }
  return told.size;
}

/** One account e-mail into the outbox (sent whether or not the address is confirmed: it is how it gets confirmed). */
export async function queueEmail(
  tx: Tx,
  input: { userId: string | null; to: string; kind: AccountEmailKind; language: Lang; params: MessageParams; link: string; secret?: boolean },
  at: Date,
): Promise<void> {
  const { title, body } = noticeText(input.kind, input.params, input.language);
  await tx.insert(emailOutbox).values(outboxRow({
    userId: input.userId, to: input.to, kind: input.kind, language: input.language,
    payload: { title, body, link: input.link, ...(input.secret ? { secret: true } : {}) },
  }, at));
}

function outboxRow(m: { userId: string | null; to: string; kind: EmailKind; language: Lang; payload: EmailPayload }, at: Date) {
  return { userId: m.userId, toAddress: m.to, kind: m.kind, language: m.language, subject: m.payload.title, payload: m.payload, nextAttemptAt: at, createdAt: at };
}

/** The members of an organisation (active accounts): who hears about its applications. */
export async function organizationMemberIds(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx.select({ id: organizationMembers.userId }).from(organizationMembers)
    .innerJoin(users, and(eq(users.id, organizationMembers.userId), eq(users.active, true)))
    .where(eq(organizationMembers.organizationId, organizationId));
  return rows.map((r) => r.id);
}
