// An application's document as the API serves it (its metadata, `attachment`, is in applications.ts).
import { z } from 'zod';
import { id } from './common.js';

export const attachmentParams = z.object({ id, attachmentId: id });

/** The download: the bytes as uploaded, with their own type (PDF, an image or an office document). */
export const attachmentDownload = z.unknown().describe('the file as uploaded, of its own content type');
