// Uploads go through XMLHttpRequest: fetch cannot report upload progress.
import { queryOptions } from '@tanstack/react-query';
import type { Attachment, AttachmentKind, DocumentStorage } from '@konkurs/shared';
import { applicationKeys } from './applications';
import { API_BASE, ApiError, api, onUnauthorized, problemFrom, requestHeaders } from './client';

export type UploadedFile = Pick<Attachment, 'id' | 'fileName' | 'mimeType' | 'sizeBytes' | 'sha256'>;

export function uploadAttachment(
  applicationId: string,
  kind: AttachmentKind,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  // The kind goes first: the server reads fields in order and streams the file straight to storage.
  return uploadMultipart<UploadedFile>(`/applications/${applicationId}/attachments`, [['kind', kind]], file, onProgress, signal);
}

/** A multipart POST under /api/v1 of `fields` (in order) and then the file, with upload progress. */
export function uploadMultipart<T>(
  path: string,
  fields: [string, string][],
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    for (const [k, v] of Object.entries(requestHeaders())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : {};
      } catch {
        body = {};
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
      } else {
        onUnauthorized(xhr.status);
        reject(new ApiError(xhr.status, { title: xhr.statusText, ...body }));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, { title: 'Network error' }));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The organisation's space for documents, under the application's key: refreshing the application refreshes it. */
export const documentStorageQuery = (applicationId: string) =>
  queryOptions({ queryKey: [...applicationKeys.one(applicationId), 'storage'], queryFn: () => api<DocumentStorage>(`/applications/${applicationId}/storage`) });

export const attachmentUrl = (applicationId: string, attachmentId: string) => `${API_BASE}/applications/${applicationId}/attachments/${attachmentId}`;

export const deleteAttachment = (applicationId: string, attachmentId: string) =>
  api<void>(`/applications/${applicationId}/attachments/${attachmentId}`, { method: 'DELETE' });

export const downloadAttachment = (applicationId: string, attachmentId: string, fileName: string) =>
  downloadWithToken(attachmentUrl(applicationId, attachmentId), fileName);

/** Downloads with the bearer token (a plain link would not carry it) and hands the file to the browser. */
export async function downloadWithToken(url: string, fileName: string) {
  const response = await fetch(url, { headers: requestHeaders() });
  if (!response.ok) {
    onUnauthorized(response.status);
    throw await problemFrom(response);
  }
  const objectUrl = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement('a'), { href: objectUrl, download: fileName });
  a.click();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 1000);
}
