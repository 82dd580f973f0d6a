// Where attachment bytes live. The local folder is the embedded default; object storage (S3-compatible)
// is the seam for several API machines: implement this interface and pass it to buildApp.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { freeBytesAt } from './free-space.js';

export interface FileStorage {
  /** Stores the stream under a new server-made key. */
  put(source: Readable): Promise<{ key: string; sizeBytes: number }>;
  get(key: string): Readable;
  delete(key: string): Promise<void>;
  /** Bytes the disk that put() writes to can still take; absent where there is no local disk (object storage). */
  freeBytes?(): Promise<number>;
}

export function localFileStorage(folder: string): FileStorage {
  const root = resolve(folder);
  // Keys are made here (UUIDs), but check anyway: no key may point outside the folder.
  const pathOf = (key: string) => {
    const p = resolve(root, key);
    if (!p.startsWith(root + sep) || !/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error('bad storage key');
    return p;
  };
  return {
    async put(source) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      const path = pathOf(key);
      await mkdir(join(root, id.slice(0, 2)), { recursive: true });
      try {
        await pipeline(source, createWriteStream(path, { flags: 'wx' }));
      } catch (e) {
        await rm(path, { force: true });
        throw e;
      }
      return { key, sizeBytes: (await stat(path)).size };
    },
    get: (key) => createReadStream(pathOf(key)),
    delete: (key) => rm(pathOf(key), { force: true }),
    freeBytes: () => freeBytesAt(root),
  };
}
