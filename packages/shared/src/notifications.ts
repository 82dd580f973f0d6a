// Notifications (PRODUCT.md "Notifications"): the kinds, what the API answers about them, the settings, the outgoing
// mail the admin reads, and the account e-mails (password reset, confirmation) that go through the same outbox.
import { z } from 'zod';
import { email, id, instant, page, pageQuery } from './common.js';
import { password } from './auth.js';

/**
 * Every kind a user is told about, in the inbox and (unless turned off) by e-mail. The reminders carry a step
 * (3 and 1 days before; 14 days before and overdue); report and support kinds are written by those features.
 */
export const NOTIFICATION_KINDS = [
  'application-submitted',
  'screening-decision',
  'assignment-created',
  'review-due',
  'draft-deadline',
  'results-published',
  'report-due',
  'report-returned',
  'report-accepted',
  'question-answered',
  'consultation-message',
  // For organisers: what their competition needs from them.
  'conflict-declared',
  'reviews-completed',
  'report-submitted',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** E-mails about the account itself: never in the inbox, never turned off. */
export const ACCOUNT_EMAIL_KINDS = ['password-reset', 'email-verification', 'password-changed'] as const;
export type AccountEmailKind = (typeof ACCOUNT_EMAIL_KINDS)[number];
export type EmailKind = NotificationKind | AccountEmailKind;

export const notificationKind = z.enum(NOTIFICATION_KINDS);
export const isNotificationKind = (kind: string): kind is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * The parts of an unsubscribe token, `<userId>.<kind>.<signature>` (the server signs and checks the signature; the SPA
 * only names the kind); null when it has not that shape.
 */
export function unsubscribeTokenParts(token: string): { userId: string; kind: NotificationKind; signature: string } | null {
  const [userId, kind, signature, ...rest] = token.split('.');
  if (rest.length || !userId || !kind || !signature || !UUID.test(userId) || !isNotificationKind(kind)) return null;
  return { userId: userId.toLowerCase(), kind, signature };
}
export const language = z.enum(['ru', 'en']);

export const notification = z.object({
  id,
  kind: notificationKind,
  title: z.string(),
  body: z.string(),
  /** A path of the SPA: the object the notice is about. */
  link: z.string(),
  createdAt: instant,
  readAt: instant.nullable(),
});
export type Notification = z.infer<typeof notification>;
export const notificationPage = page(notification);
export const notificationsQuery = pageQuery.extend({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export const unreadCount = z.object({ count: z.number().int().min(0) });

/** A switch per kind, each kind a property of its own (so that the OpenAPI document names every one). */
const emailSwitches = z.object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.boolean()])) as Record<NotificationKind, z.ZodBoolean>);

/** Every kind with its e-mail switch (absent in a PUT: unchanged), and the language of notices and e-mails. */
export const notificationSettings = z.object({
  email: emailSwitches,
  language,
});
export type NotificationSettings = z.infer<typeof notificationSettings>;
export const notificationSettingsBody = z.object({
  /** Only the kinds to change; an unknown kind is refused. */
  email: emailSwitches.partial().strict().optional(),
  language: language.optional(),
});

export const OUTBOX_STATUSES = ['queued', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const outboxItem = z.object({
  id,
  to: z.string(),
  kind: z.string(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  createdAt: instant,
  sentAt: instant.nullable(),
  lastError: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof outboxItem>;
export const outboxPage = page(outboxItem);
export const outboxQuery = pageQuery.extend({ status: z.enum(OUTBOX_STATUSES).optional() });
/** One e-mail as it is (or will be) sent: the plain text, the HTML, and the link it carries. */
export const outboxMessage = outboxItem.extend({ text: z.string(), html: z.string(), link: z.string().nullable() });
export type OutboxMessage = z.infer<typeof outboxMessage>;
/**
 * The link of a notice e-mail: the token in the query, or in a JSON body; a mail client's one-click POST (RFC 8058)
 * sends the form `List-Unsubscribe=One-Click` beside the token of the address.
 */
const unsubscribeToken = z.string().min(1).max(300);
export const unsubscribeQuery = z.object({ token: unsubscribeToken.optional() });
export const unsubscribeBody = z.object({ token: unsubscribeToken.optional(), 'List-Unsubscribe': z.literal('One-Click').optional() }).nullish();

// ---- Accounts ----
export const passwordResetBody = z.object({ email }).describe('The e-mail of the account whose password was forgotten (202 whether or not there is one)');
/** A secret from an e-mail link: base64url, 43 characters (32 random bytes). */
export const accountToken = z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/);
export const passwordResetConfirmBody = z.object({ token: accountToken, password });
export const verifyEmailBody = z.object({ token: accountToken });
