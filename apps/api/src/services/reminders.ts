// Reminders from the clock (PRODUCT.md "Notifications"): what is due at `now` is written as notices, each exactly
// once per user, kind, object and step (notifications.dedupe_key), however many processes ask and however often.
// The background loop (lib/background.ts) calls sendDueReminders every REMINDER_CHECK_MS.
//
// Exactly once: notifyEach() inserts each notice ON CONFLICT DO NOTHING on the dedupe key and queues an e-mail only for
// the rows it inserted, so a second process writing the same reminder at the same moment waits for the first's
// transaction and then writes nothing; a restart reads what was written. Every process goes through the objects in
// the same (id) order, so two sweeps never wait on each other in a cycle.
import type { MessageParams, NotificationKind } from '@konkurs/shared';
import type { Db, Executor } from '../db/client.js';
import { dueDraftDeadlines, dueReports, dueReviews, reminderKey, type DueBatch } from '../queries/reminders.js';
import { links } from './notices.js';
import { notifyEach, type BatchNotice } from './notifications.js';

/** A reminder due now to some people: what notify() is given, and the object's id for the next batch. */
interface DueReminder {
  objectId: string;
  objectType: string;
  /** Which of the kind's reminders (ReminderStep for the 3-day and 1-day ones). */
  step: string;
  recipients: string[];
  params: MessageParams;
  link: string;
  timezone: string;
}

/** Where reminders come from: a kind and the query of what is due for it (a batch after an object id). */
interface DueSource {
  kind: NotificationKind;
  due(db: Executor, now: Date, batch: DueBatch): Promise<DueReminder[]>;
}

/**
 * Every kind of reminder. A new one (issue 12's report-due: 14 days before a report's deadline and once overdue,
 * to the organisation's members, steps '14d' and 'overdue') is one more source here over its own due query in
 * queries/reminders.ts, with the same anti-join on the dedupe key.
 */
const DUE_SOURCES: readonly DueSource[] = [
  {
    kind: 'draft-deadline',
    async due(db, now, batch) {
      return (await dueDraftDeadlines(db, now, batch)).map((d) => ({
        objectId: d.id, objectType: 'application', step: d.step, recipients: d.recipients, timezone: d.timezone,
        params: { number: d.number, title: d.title ?? '', competitionTitle: d.competitionTitle, closesAt: d.closesAt.toISOString(), step: d.step },
        link: `/applicant/applications/${d.id}`,
      }));
    },
  },
  {
    kind: 'review-due',
    async due(db, now, batch) {
      return (await dueReviews(db, now, batch)).map((r) => ({
        objectId: r.id, objectType: 'assignment', step: r.step, recipients: [r.expertId], timezone: r.timezone,
        params: { number: r.number, competitionTitle: r.competitionTitle, dueAt: r.dueAt.toISOString(), step: r.step },
        link: `/expert/assignments/${r.id}`,
      }));
    },
  },
  {
    // 14 days before a report's deadline and once it is overdue, to the organisation's members.
    kind: 'report-due',
    async due(db, now, batch) {
      return (await dueReports(db, now, batch)).map((r) => ({
        objectId: r.id, objectType: 'report', step: r.step, recipients: r.recipients, timezone: r.timezone,
        params: { number: r.number, title: r.title ?? '', dueAt: r.dueAt.toISOString(), step: r.step },
        link: links.report(r.applicationId, r.id),
      }));
    },
  },
];

/** Objects a transaction covers: a national round (10,000+ drafts) is many short transactions, not one long one. */
const BATCH_SIZE = 500;

/** Writes every reminder due at `now` that was not written yet; answers how many were written. */
export async function sendDueReminders(db: Db, now: Date, options: { batchSize?: number } = {}): Promise<number> {
  const limit = options.batchSize ?? BATCH_SIZE;
  let written = 0;
  for (const source of DUE_SOURCES) {
    let after: string | undefined;
    for (;;) {
      const batch = await withDeadlockRetry(() => db.transaction(async (tx) => {
        const due = await source.due(tx, now, { after, limit });
        // One statement per timezone of the batch (nearly always one), not one per object.
        const byTimezone = new Map<string, BatchNotice[]>();
        for (const r of due) {
          const notices = byTimezone.get(r.timezone) ?? byTimezone.set(r.timezone, []).get(r.timezone)!;
          for (const userId of new Set(r.recipients)) {
            notices.push({ to: { user: userId }, params: r.params, link: r.link, object: { type: r.objectType, id: r.objectId },
              dedupeKey: reminderKey(source.kind, r.objectId, r.step, userId) });
          }
        }
        let told = 0;
        for (const [timezone, notices] of byTimezone) told += await notifyEach(tx, source.kind, notices, now, timezone);
        return { last: due.at(-1)?.objectId, size: due.length, told };
      }));
      written += batch.told;
      if (batch.size < limit || !batch.last) break;
      after = batch.last;
    }
  }
  return written;
}

/**
 * Two sweeps insert the same keys in the same order, but the order of one object's recipients is the database's:
 * should two of them ever wait on each other, PostgreSQL aborts one (40P01) and that batch is simply written again.
 */
async function withDeadlockRetry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (e) {
      if (i >= attempts || !isDeadlock(e)) throw e;
    }
  }
}

function isDeadlock(e: unknown): boolean {
  for (let x = e, depth = 0; x instanceof Error && depth < 3; x = x.cause, depth++) if ((x as { code?: string }).code === '40P01') return true;
  return false;
}
