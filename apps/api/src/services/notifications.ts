// Telling people what happened: a use case calls `notify` inside the transaction of its event, so an event never
// happens without its notice and a rolled-back event notifies nobody. Each recipient gets an inbox row in their
// language and, unless they turned the kind off (or their address is unconfirmed, or the account is inactive), one
// row in the e-mail outbox, which the worker (services/mail-worker.ts) sends. `queueEmail` is the outbox alone
// (account e-mails: reset, confirmation), for an address that need not be confirmed.
//
// Fast: a notice is one statement (queries/notifications.ts: the inbox rows and their e-mails in one CTE, the audience
// resolved inside it), and a batch of notices with words of their own (a round of assignments) one statement too.
// The texts of both languages are made here; the statement gives each recipient those of their language. Callers
// write their notices before their audited move: the audit event holds the chain's lock until COMMIT.
import {
  NOTICE_TEXTS, NOTIFICATION_KINDS, type AccountEmailKind, type EmailKind, type MessageParams, type Notification, type NotificationKind, type NotificationSettings,
} from '@konkurs/shared';
import type { Db, Executor, Tx } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { notFound } from '../domain/errors.js';
import { cursorList, decodeCursor, pageOf } from '../lib/cursor.js';
import {
  insertEmail, insertNotice, insertNotices, listNotifications, markAllRead, markRead, saveSettings, settingsOf, unreadCount, type Audience, type NoticeWords,
} from '../queries/notifications.js';

type Lang = 'ru' | 'en';

/** Who is told: user ids (repeated ones are told once), an organisation's active members, an operator's active organisers. */
export type Recipients = readonly string[] | { members: string } | { organisers: string };

export interface NoticeInput {
  kind: NotificationKind;
  /** The caller has checked that each may see the object. */
  recipients: Recipients;
  /** What the kind's texts are filled from (messages/notifications.ts). */
  params: MessageParams;
  /** The path in the SPA the notice opens. */
  link: string;
  object?: { type: string; id: string };
  /** Instants in the texts are shown in this timezone (the competition's; Moscow by default). */
  timezone?: string;
  /** Reminders: a key per recipient (user, kind, object, step) that makes a second write a no-op, across processes. */
  dedupeKey?: (userId: string) => string;
  /** A notice told once per user and object whoever writes it again (any audience): the key's prefix, the user id appended. */
  oncePer?: string;
}

/** The title and body of a kind in a language. */
export function noticeText(kind: EmailKind, params: MessageParams, lang: Lang, timezone?: string) {
  const text = NOTICE_TEXTS[kind];
  const ctx = { lang, timezone };
  return { title: text.title[lang](params, ctx), body: text.body[lang](params, ctx) };
}

/** Both languages' words: the statement gives each recipient those of their language. */
function words(kind: EmailKind, params: MessageParams, timezone?: string): NoticeWords {
  const ru = noticeText(kind, params, 'ru', timezone);
  const en = noticeText(kind, params, 'en', timezone);
  return { titleRu: ru.title, bodyRu: ru.body, titleEn: en.title, bodyEn: en.body };
}

/**
 * Writes the notices (and their e-mails) in `tx`, in one statement whoever the recipients are; answers how many
 * recipients were newly told.
 */
export async function notify(tx: Tx, input: NoticeInput, at: Date): Promise<number> {
  let audience: Audience;
  if (Array.isArray(input.recipients)) {
    const ids = [...new Set(input.recipients as readonly string[])];
    if (!ids.length) return 0;
    audience = { users: ids.map((id) => ({ id, dedupeKey: input.dedupeKey?.(id) ?? null })) };
  } else {
    audience = input.recipients as Exclude<Recipients, readonly string[]>;
  }
  return insertNotice(tx, input.kind, audience, {
    ...words(input.kind, input.params, input.timezone), link: input.link, objectType: input.object?.type ?? null, objectId: input.object?.id ?? null,
    oncePer: input.oncePer,
  }, at);
}

/** One notice of a batch: to a user, or to every active member of an organisation, with parameters of its own. */
export interface BatchNotice {
  to: { user: string } | { members: string };
  params: MessageParams;
  link: string;
  object?: { type: string; id: string };
  dedupeKey?: string;
}

/**
 * Many notices of one kind, each with its own words (one per assignment of a round, one per application when
 * results are published), as one statement however many there are. Answers how many inbox rows were written.
 */
export async function notifyEach(tx: Tx, kind: NotificationKind, notices: readonly BatchNotice[], at: Date, timezone?: string): Promise<number> {
  return insertNotices(tx, kind, notices.map((n) => ({
    ...('user' in n.to ? { userId: n.to.user } : { organizationId: n.to.members }),
    ...words(kind, n.params, timezone), link: n.link, objectType: n.object?.type ?? null, objectId: n.object?.id ?? null, dedupeKey: n.dedupeKey ?? null,
  })), at);
}

/** One account e-mail into the outbox (sent whether or not the address is confirmed: it is how it gets confirmed). */
export async function queueEmail(
  tx: Tx,
  input: { userId: string | null; to: string; kind: AccountEmailKind; language: Lang; params: MessageParams; link: string; secret?: boolean },
  at: Date,
): Promise<void> {
  const { title, body } = noticeText(input.kind, input.params, input.language);
  await insertEmail(tx, {
    userId: input.userId, toAddress: input.to, kind: input.kind, language: input.language, subject: title,
    payload: { title, body, link: input.link, ...(input.secret ? { secret: true } : {}) },
  }, at);
}

// ---- The inbox: any signed-in user reads and marks their own notices, and sets their e-mail switches ----

/** A page of the user's notices, newest first (a keyset cursor over createdAt and id). */
export async function notificationPage(db: Executor, actor: AuthUser, query: { unread?: boolean; limit: number; cursor?: string }, secret: string) {
  const list = cursorList('notifications', { unread: query.unread }, secret);
  const after = query.cursor ? decodeCursor(query.cursor, list, 2).map(String) as [string, string] : undefined;
  const rows = await listNotifications(db, actor.id, { unread: query.unread, after }, query.limit);
  return pageOf(rows, query.limit, list, (r) => [r.createdAt.toISOString(), r.id], (r): Notification => ({
    id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null,
  }));
}

export async function unreadNotifications(db: Executor, actor: AuthUser) {
  return { count: await unreadCount(db, actor.id) };
}

/** Marks one of the user's own notices read; anyone else's is 404, as if it did not exist. */
export async function readNotification(db: Executor, actor: AuthUser, id: string, now: Date): Promise<void> {
  if (!(await markRead(db, actor.id, id, now))) throw notFound('notification');
}

export async function readAllNotifications(db: Executor, actor: AuthUser, now: Date): Promise<void> {
  await markAllRead(db, actor.id, now);
}

/** Every kind with its e-mail switch (absent: on) and the language of notices and e-mails. */
export async function notificationSettingsOf(db: Executor, actor: AuthUser): Promise<NotificationSettings> {
  const { language, switches } = await settingsOf(db, actor.id);
  const off = new Map(switches.map((s) => [s.kind, s.email]));
  return { email: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, off.get(k) ?? true])) as NotificationSettings['email'], language };
}

/** Changes the switches given (the others stay) and the language; answers the settings as they now are. */
export async function updateNotificationSettings(db: Db, actor: AuthUser, body: { email?: Partial<Record<NotificationKind, boolean>>; language?: Lang }) {
  const email = Object.entries(body.email ?? {}).filter((e): e is [NotificationKind, boolean] => typeof e[1] === 'boolean')
    .map(([kind, on]) => ({ kind, email: on }));
  await db.transaction((tx) => saveSettings(tx, actor.id, email, body.language));
  return notificationSettingsOf(db, actor);
}
