// Documents sent as the SPA sends them, for the tests of uploads: a multipart body with its parts in a given order,
// a PDF of a given size, and the files the local storage holds.
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestApp } from './helper.js';

export type Part = { name: string; value: string } | { name: string; filename: string; content: Buffer; type?: string };

/** A multipart/form-data body, built by hand so that the order of the parts is exactly as given. */
export function multipart(parts: Part[]) {
  const boundary = `----konkurs${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('value' in p) chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    else {
      chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\ncontent-type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`));
      chunks.push(p.content, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A PDF of exactly `size` bytes. */
export const pdf = (size = 2000) => {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
  return Buffer.concat([head, Buffer.alloc(size - head.length, 0x20)]);
};

/** Posts a document (a charter PDF unless told) to the application as the user. */
export async function uploadPdf(t: Pick<TestApp, 'app'>, token: string, applicationId: string, size = 2000) {
  const { payload, headers } = multipart([{ name: 'kind', value: 'charter' }, { name: 'file', filename: 'устав.pdf', content: pdf(size) }]);
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/applications/${applicationId}/attachments`, payload,
    headers: { ...headers, authorization: `Bearer ${token}` } });
  return { status: res.statusCode, json: JSON.parse(res.body), headers: res.headers };
}

/** The keys (`ab/<uuid>`) of every file in the local storage under `dataDir`/uploads. */
export async function storedFiles(dataDir: string): Promise<string[]> {
  const root = join(dataDir, 'uploads');
  const dirs = await readdir(root).catch(() => [] as string[]);
  return (await Promise.all(dirs.map(async (d) => (await readdir(join(root, d))).map((f) => `${d}/${f}`)))).flat();
}
