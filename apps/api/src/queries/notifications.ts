// The notices' statements: writing them (inbox rows and their e-mails in one statement, whoever the recipients are),
// and the inbox a user reads (a page newest first, the unread count from its partial index, marking read) with the
// e-mail switches per kind and the language.
import { and, asc, desc, eq, isNull, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { NotificationKind } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { applications, assignments, emailOutbox, notifications, notificationSettings, organizationMembers, users } from '../db/schema/index.js';
import { jsonRows, rowsOf } from '../db/bulk.js';

/** A notice's words in both languages: each recipient's row takes those of their language. */
export interface NoticeWords { titleRu: string; bodyRu: string; titleEn: string; bodyEn: string }

/** Who hears of one event: given users, an organisation's active members, or an operator's active organisers. */
export type Audience = { users: readonly { id: string; dedupeKey: string | null }[] } | { members: string } | { organisers: string };

/** One notice of a batch: to one user, or to each active member of an organisation. */
export interface NoticeRow extends NoticeWords {
  userId?: string;
  organizationId?: string;
  link: string;
  objectType: string | null;
  objectId: string | null;
  dedupeKey: string | null;
}

function audienceRows(audience: Audience): SQL {
  if ('users' in audience) {
    const rows = audience.users.map((u) => ({ user_id: u.id, dedupe_key: u.dedupeKey }));
    return sql`select x.user_id, x.dedupe_key from jsonb_to_recordset(${jsonRows(rows)}) as x(user_id uuid, dedupe_key text)`;
  }
  if ('members' in audience) {
    return sql`select m.user_id, null::text as dedupe_key from ${organizationMembers} m join ${users} u on u.id = m.user_id and u.active
      where m.organization_id = ${audience.members}`;
  }
  return sql`select u.id as user_id, null::text as dedupe_key from ${users} u
    where u.role = 'organiser' and u.operator_id = ${audience.organisers} and u.active`;
}

/**
 * The inbox rows and the e-mails of one batch in one statement: each recipient's row in their language (a second
 * write of a dedupe key is a no-op), and an outbox row for each inserted one whose account is active, whose address
 * is confirmed and who did not turn the kind's e-mail off. Answers how many inbox rows were written.
 */
async function writeNotices(tx: Tx, kind: NotificationKind, input: SQL, at: Date): Promise<number> {
  const when = at.toISOString();
  const result = await tx.execute(sql`
    with i as (${input}),
    ins as (
      insert into ${notifications} (user_id, kind, title, body, link, object_type, object_id, dedupe_key, created_at)
      select u.id, ${kind}, case when u.language = 'en' then i.title_en else i.title_ru end,
        case when u.language = 'en' then i.body_en else i.body_ru end, i.link, i.object_type, i.object_id, i.dedupe_key, ${when}::timestamptz
      from i join ${users} u on u.id = i.user_id
      on conflict (dedupe_key) do nothing
      returning user_id, title, body, link
    ),
    mail as (
      insert into ${emailOutbox} (user_id, to_address, kind, language, subject, payload, next_attempt_at, created_at)
      select u.id, u.email, ${kind}, u.language, ins.title, jsonb_build_object('title', ins.title, 'body', ins.body, 'link', ins.link),
        ${when}::timestamptz, ${when}::timestamptz
      from ins join ${users} u on u.id = ins.user_id
      where u.active and u.email_verified_at is not null and not exists (
        select 1 from ${notificationSettings} s where s.user_id = u.id and s.kind = ${kind} and not s.email)
    )
    select count(*)::int as told from ins`);
  return rowsOf<{ told: number }>(result)[0]?.told ?? 0;
}

/**
 * One event's notice, the same words for every recipient of the audience (each distinct user once). `oncePer`: the
 * dedupe key of each recipient's row is this prefix and their id (a notice told once per user and object).
 */
export function insertNotice(tx: Tx, kind: NotificationKind, audience: Audience,
  notice: NoticeWords & { link: string; objectType: string | null; objectId: string | null; oncePer?: string }, at: Date): Promise<number> {
  return writeNotices(tx, kind, sql`
    select distinct on (a.user_id) a.user_id, ${notice.titleRu}::text as title_ru, ${notice.bodyRu}::text as body_ru,
      ${notice.titleEn}::text as title_en, ${notice.bodyEn}::text as body_en, ${notice.link}::text as link,
      ${notice.objectType}::text as object_type, ${notice.objectId}::uuid as object_id,
      coalesce(a.dedupe_key, ${notice.oncePer ?? null}::text || ':' || a.user_id::text) as dedupe_key
    from (${audienceRows(audience)}) a`, at);
}

/**
 * What review work a competition has left: assignments still open, applications not yet through their review
 * (submitted, admitted, under review), and the reviews submitted. Taken under a transaction-scoped lock of the
 * competition's own, so that of two last reviews submitted at once the second to get here sees the first committed
 * (read committed: each statement a fresh snapshot) and exactly one of them finds nothing left.
 */
export async function reviewWorkLeft(tx: Tx, competitionId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`reviews-completed:${competitionId}`}, 0))`);
  const result = await tx.execute(sql`select
    (select count(*)::int from ${assignments} where competition_id = ${competitionId} and status = 'assigned') as open,
    (select count(*)::int from ${applications} where competition_id = ${competitionId} and status in ('submitted', 'admitted', 'under_review')) as waiting,
    (select count(*)::int from ${assignments} where competition_id = ${competitionId} and status = 'submitted') as submitted`);
  return rowsOf<{ open: number; waiting: number; submitted: number }>(result)[0]!;
}

/** The applications whose organisations hear of the results: every one that reached screening (not drafts, not withdrawn). */
export function applicationsWithResults(tx: Executor, competitionId: string) {
  return tx.select({
    id: applications.id, number: applications.number, title: applications.title, organizationId: applications.organizationId,
    status: applications.status, awardedKopecks: applications.awardedKopecks,
  }).from(applications)
    .where(and(eq(applications.competitionId, competitionId), notInArray(applications.status, ['draft', 'withdrawn'])))
    .orderBy(asc(applications.number));
}

/** Many notices with words of their own (one per assignment, one per application's organisation), as one statement. */
export function insertNotices(tx: Tx, kind: NotificationKind, rows: readonly NoticeRow[], at: Date): Promise<number> {
  if (!rows.length) return Promise.resolve(0);
  const data = rows.map((r) => ({
    user_id: r.userId ?? null, organization_id: r.organizationId ?? null, title_ru: r.titleRu, body_ru: r.bodyRu, title_en: r.titleEn, body_en: r.bodyEn,
    link: r.link, object_type: r.objectType, object_id: r.objectId, dedupe_key: r.dedupeKey,
  }));
  return writeNotices(tx, kind, sql`
    select coalesce(x.user_id, m.user_id) as user_id, x.title_ru, x.body_ru, x.title_en, x.body_en, x.link, x.object_type, x.object_id, x.dedupe_key
    from jsonb_to_recordset(${jsonRows(data)}) as x(user_id uuid, organization_id uuid, title_ru text, body_ru text, title_en text, body_en text,
      link text, object_type text, object_id uuid, dedupe_key text)
    left join (${organizationMembers} m join ${users} mu on mu.id = m.user_id and mu.active)
      on x.user_id is null and m.organization_id = x.organization_id
    where x.user_id is not null or m.user_id is not null`, at);
}

/** One account e-mail (reset, confirmation) into the outbox, due at once. */
export async function insertEmail(tx: Tx, row: Omit<typeof emailOutbox.$inferInsert, 'nextAttemptAt' | 'createdAt'>, at: Date): Promise<void> {
  await tx.insert(emailOutbox).values({ ...row, nextAttemptAt: at, createdAt: at });
}

// ---- The inbox ----

export type NotificationRow = typeof notifications.$inferSelect;

/** The user's notices newest first (limit+1 rows), after the keyset position (createdAt, id) when given. */
export function listNotifications(db: Executor, userId: string, filter: { unread?: boolean; after?: [string, string] }, limit: number) {
  const where: SQL[] = [eq(notifications.userId, userId)];
  if (filter.unread === true) where.push(isNull(notifications.readAt));
  if (filter.unread === false) where.push(sql`${notifications.readAt} is not null`);
  if (filter.after) {
    const [createdAt, id] = filter.after;
    const at = new Date(createdAt);
    where.push(or(lt(notifications.createdAt, at), and(eq(notifications.createdAt, at), lt(notifications.id, id)))!);
  }
  return db.select().from(notifications).where(and(...where)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit + 1);
}

/** Unread notices of the user: counted over the partial index of unread rows. */
export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.count ?? 0;
}

/** Marks the user's notice read (once: a second call keeps the first time); false when the user has no such notice. */
export async function markRead(db: Executor, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db.update(notifications).set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId))).returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllRead(db: Executor, userId: string, at: Date): Promise<void> {
  await db.update(notifications).set({ readAt: at }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/** The user's e-mail switches (only the kinds turned on or off explicitly) and language. */
export async function settingsOf(db: Executor, userId: string) {
  const [[user], switches] = await Promise.all([
    db.select({ language: users.language }).from(users).where(eq(users.id, userId)),
    db.select({ kind: notificationSettings.kind, email: notificationSettings.email }).from(notificationSettings).where(eq(notificationSettings.userId, userId)),
  ]);
  return { language: user?.language ?? 'ru', switches };
}

export async function saveSettings(tx: Tx, userId: string, email: readonly { kind: NotificationKind; email: boolean }[], language: 'ru' | 'en' | undefined) {
  if (email.length) {
    await tx.insert(notificationSettings).values(email.map((e) => ({ userId, kind: e.kind, email: e.email })))
      .onConflictDoUpdate({ target: [notificationSettings.userId, notificationSettings.kind], set: { email: sql`excluded.email` } });
  }
  if (language) await tx.update(users).set({ language }).where(eq(users.id, userId));
}
