// An application's document as the API serves it (its metadata, `attachment`, is in applications.ts).
import { z } from 'zod';
import { id } from './common.js';
import type { ATTACHMENT_MIME_TYPES } from './enums.js';

export const attachmentParams = z.object({ id, attachmentId: id });

/** The download: the bytes as uploaded, with their own type (PDF, an image or an office document). */
export const attachmentDownload = z.unknown().describe('the file as uploaded, of its own content type');

/**
 * The largest document the API accepts by default (UPLOAD_MAX_BYTES may set another; a 413 names the limit in force
 * as `maxBytes`). The form tells it and refuses a bigger file before sending it.
 */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** How much of its quota (ORG_STORAGE_QUOTA_BYTES) the documents of all an organisation's applications take. */
export const documentStorage = z.object({ usedBytes: z.number().int().min(0), quotaBytes: z.number().int().min(1) });
export type DocumentStorage = z.infer<typeof documentStorage>;

/** A size as people read it: `20 МБ`, `1,5 МБ`, `49 КБ` (`20 MB` in English). */
export function formatFileSize(bytes: number, lang: 'ru' | 'en' = 'ru'): string {
  const locale = lang === 'ru' ? 'ru-RU' : 'en-GB';
  const mb = bytes / 1024 / 1024;
  if (mb >= 1) return `${mb.toLocaleString(locale, { maximumFractionDigits: 1 })} ${lang === 'ru' ? 'МБ' : 'MB'}`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} ${lang === 'ru' ? 'КБ' : 'KB'}`;
}

/**
 * The file-name extensions each accepted type may carry (old Office files are all "compound files" by their bytes):
 * the API refuses a name that contradicts the bytes, the form's file picker offers these.
 */
export const ATTACHMENT_EXTENSIONS: Record<(typeof ATTACHMENT_MIME_TYPES)[number], readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'application/x-cfb': ['doc', 'xls', 'ppt'],
};
