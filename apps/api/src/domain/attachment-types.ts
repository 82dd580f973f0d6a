// Which files an application may carry, judged by their bytes, and how a user's file name is shown. Pure functions.
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_MIME_TYPES } from '@konkurs/shared';
import { DomainError, type FieldIssue } from './errors.js';

type AttachmentMime = (typeof ATTACHMENT_MIME_TYPES)[number];

const isAccepted = (mime: string): mime is AttachmentMime => (ATTACHMENT_MIME_TYPES as readonly string[]).includes(mime);

/**
 * The verdict on an upload: the type its bytes show must be an accepted one, and the file name's extension,
 * when there is one, must agree with it (a PDF named .docx is refused: the name would mislead whoever opens it).
 */
export function judgeAttachmentType(detectedMime: string | undefined, fileName: string): { ok: true; mimeType: AttachmentMime } | { ok: false; issue: FieldIssue } {
  if (!detectedMime || !isAccepted(detectedMime))
    return { ok: false, issue: { path: 'file', code: 'file-type-unknown', params: { detected: detectedMime ?? null } } };
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  if (extension && !ATTACHMENT_EXTENSIONS[detectedMime].includes(extension))
    return { ok: false, issue: { path: 'file', code: 'file-extension-mismatch', params: { extension, actual: ATTACHMENT_EXTENSIONS[detectedMime][0].toUpperCase() } } };
  return { ok: true, mimeType: detectedMime };
}

/** Refuses (415) a file whose bytes are not of an accepted type or contradict its name; the type it is otherwise. */
export function acceptedAttachmentType(detectedMime: string | undefined, fileName: string): AttachmentMime {
  const verdict = judgeAttachmentType(detectedMime, fileName);
  if (!verdict.ok) throw new DomainError('unsupported-type', 'file-type-not-allowed', {}, [verdict.issue]);
  return verdict.mimeType;
}

const MAX_NAME = 200;

/**
 * The user's file name made fit for display: no folders, no control or invisible characters (a right-to-left
 * override could disguise "exe.pdf"), at most 200 characters keeping the extension. Storage never uses it.
 */
export function displayFileName(raw: string | undefined): string {
  let name = (raw ?? '').split(/[\\/]/).pop()!.normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME - ext.length) + ext;
  }
  return name || 'file';
}

/** A download header any browser reads: an ASCII fallback and the real name in RFC 5987 `filename*`. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
