// Reminders from the clock (PRODUCT.md "Notifications"): what is due at `now` is written as notices, each exactly
// once per user, kind, object and step (notifications.dedupe_key), however many processes ask and however often.
import type { Db } from '../db/client.js';

/** Writes every reminder due at `now` that was not written yet; answers how many were written. */
export async function sendDueReminders(_db: Db, _now: Date): Promise<number> {
  return 0;
}
