// How much a disk can still take. On embedded PGlite the database lives in DATA_DIR beside the uploads, so a disk
// filled by documents would stop every database write too: uploads are refused while there is still room.
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Bytes an unprivileged process may still write on the disk holding `path` (or the nearest folder above it that exists). */
export async function freeBytesAt(path: string): Promise<number> {
  try {
    const s = await statfs(path);
    return s.bavail * s.bsize;
  } catch (e) {
    const parent = dirname(path);
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || parent === path) throw e;
    return freeBytesAt(parent);
  }
}
