// What an outbox row becomes on the wire: a multipart e-mail (plain text and HTML, in the row's language) with a
// Message-ID stable per row, so that a resend after a crash is recognisable as the same message, and, for notices
// (not account e-mails), a one-click unsubscribe from that kind (RFC 8058) whose token is signed with the server's key.
// The admin's outbox reads the same rendering (routes/mail.ts), so what it shows is what is (or was) sent.
import { createHmac, timingSafeEqual } from 'node:crypto';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { isNotificationKind, unsubscribeTokenParts, type EmailKind, type NotificationKind } from '@konkurs/shared';
import type { EmailPayload } from '../db/schema/index.js';

type Lang = 'ru' | 'en';

/** The fields of an outbox row the e-mail is made of. */
export interface OutgoingRow {
  id: string;
  userId: string | null;
  toAddress: string;
  kind: EmailKind;
  language: Lang;
  subject: string;
  payload: EmailPayload;
}

export interface MailSettings {
  /** The SPA's origin as users reach it (config.PUBLIC_URL, no trailing slash). */
  publicUrl: string;
  /** The sender (config.MAIL_FROM). */
  from: string;
  /** The server's key: signs the unsubscribe tokens. */
  secret: string;
}

export interface RenderedEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** The absolute address of the e-mail's button; null once a secret link has been scrubbed. */
  link: string | null;
  /** The one-click unsubscribe address (notices only). */
  unsubscribeUrl: string | null;
  headers: Record<string, string>;
}

const WORDS = {
  ru: { open: 'Открыть', unsubscribe: 'Отписаться от таких писем', footer: 'Это письмо отправила платформа «Конкурс».', scrubbed: 'Ссылка из этого письма больше не хранится.' },
  en: { open: 'Open', unsubscribe: 'Unsubscribe from e-mails like this', footer: 'This e-mail was sent by the Konkurs platform.', scrubbed: 'The link of this e-mail is no longer kept.' },
} as const;


// ---- Unsubscribe tokens ----------------------------------------------------------------------------------------

const mac = (secret: string, userId: string, kind: string) => createHmac('sha256', secret).update(`unsubscribe:${userId}:${kind}`).digest('base64url');

/** `<userId>.<kind>.<HMAC>`: turns off one kind's e-mail for one user, without signing in (a link in the e-mail). */
export function unsubscribeToken(secret: string, userId: string, kind: NotificationKind): string {
  return `${userId}.${kind}.${mac(secret, userId, kind)}`;
}

/** Whose e-mail of which kind a token turns off; null for anything this server did not sign. */
export function verifyUnsubscribeToken(secret: string, token: string): { userId: string; kind: NotificationKind } | null {
  const parts = unsubscribeTokenParts(token);
  if (!parts) return null;
  const expected = Buffer.from(mac(secret, parts.userId, parts.kind));
  const actual = Buffer.from(parts.signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { userId: parts.userId, kind: parts.kind };
}

// ---- Rendering -------------------------------------------------------------------------------------------------

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const paragraphs = (text: string) => text.split(/\n{2,}/).map((p) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');

/** A row's e-mail as it is sent and as the admin reads it; the Message-ID is the row's id at PUBLIC_URL's host. */
export function renderEmail(row: OutgoingRow, settings: MailSettings): RenderedEmail {
  const words = WORDS[row.language];
  const { title, body } = row.payload;
  const link = row.payload.link ? settings.publicUrl + row.payload.link : null;
  const token = row.userId && isNotificationKind(row.kind) ? unsubscribeToken(settings.secret, row.userId, row.kind) : null;
  const unsubscribeUrl = token ? `${settings.publicUrl}/api/v1/notifications/unsubscribe?token=${token}` : null;
  const unsubscribePage = token ? `${settings.publicUrl}/unsubscribe?token=${token}` : null;
  const scrubbed = !link && row.payload.secret === true;

  const text = [
    title, '', body, '',
    ...(link ? [`${words.open}: ${link}`, ''] : scrubbed ? [words.scrubbed, ''] : []),
    '—', words.footer,
    ...(unsubscribePage ? [`${words.unsubscribe}: ${unsubscribePage}`] : []),
  ].join('\n') + '\n';

  const html = `<!doctype html><html lang="${row.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>`
    + '<body style="margin:0;padding:24px;background:#f5f6f8;font-family:Arial,Helvetica,sans-serif;color:#1f2328">'
    + '<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">'
    + `<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3">${escapeHtml(title)}</h1>`
    + paragraphs(body)
    + (link ? `<p style="margin:24px 0"><a href="${escapeHtml(link)}" style="display:inline-block;background:#1c7ed6;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:bold">${words.open}</a></p>`
      : scrubbed ? `<p style="margin:24px 0;color:#57606a">${words.scrubbed}</p>` : '')
    + `<p style="margin:24px 0 0;font-size:12px;color:#57606a">${words.footer}`
    + (unsubscribePage ? `<br><a href="${escapeHtml(unsubscribePage)}" style="color:#57606a">${words.unsubscribe}</a>` : '')
    + '</p></div></body></html>';

  return {
    from: settings.from, to: row.toAddress, subject: row.subject, text, html, link, unsubscribeUrl,
    messageId: `<${row.id}@${new URL(settings.publicUrl).hostname}>`,
    headers: unsubscribeUrl ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {},
  };
}

/** What nodemailer is given to send. */
export function mailOptions(email: RenderedEmail): SendMailOptions {
  return { from: email.from, to: email.to, subject: email.subject, text: email.text, html: email.html, messageId: email.messageId, headers: email.headers };
}

/**
 * A pooled SMTP transport from SMTP_URL (`smtp://user:pass@host:port`, `smtps://` for TLS from the first byte). The
 * timeouts are short so that a hung server fails an attempt (retried later) well within a worker's lease.
 */
export function smtpTransport(url: string, maxConnections = 5): Transporter {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    pool: true, maxConnections, host: u.hostname, port: Number(u.port) || (secure ? 465 : 587), secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
  });
  // Every failure reaches the sendMail that met it (and is written to its row); an 'error' event nobody listened to
  // would end the process.
  transport.on('error', () => {});
  return transport;
}
