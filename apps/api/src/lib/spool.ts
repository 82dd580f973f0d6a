// A temporary file between a fast producer and a slow consumer: what the database writes is taken at the disk's
// pace, so that its connection goes back as soon as it is done, and the client reads the file as slowly as it
// likes. The reader follows the writer (a fast client gets the first bytes at once, as from the database itself).
// The file is unlinked as soon as it is open: nothing stays behind, whatever becomes of the request or the process.
import { randomUUID } from 'node:crypto';
import { open, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

/** Bytes gathered for one write: COPY sends a message per row, and a write each would be a system call per row. */
const WRITE_BYTES = 1024 * 1024;
/** Bytes read from the file at a time (64 KB reads cost a fifth of the throughput of a national CSV). */
const READ_BYTES = 1024 * 1024;

async function* coalesced(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    parts.push(chunk);
    size += chunk.length;
    if (size < WRITE_BYTES) continue;
    yield Buffer.concat(parts, size);
    parts = [];
    size = 0;
  }
  if (size) yield Buffer.concat(parts, size);
}

export interface Spool {
  /** The bytes of the source, as they reach the file; the file is closed when the stream ends or is destroyed. */
  stream: Readable;
  /** Resolves once the whole source is in the file; rejects if the source fails, or the reader went first. */
  written: Promise<void>;
}

/** Writes `source` to a temporary file (in TMPDIR) as fast as it comes, for `stream` to read at its own pace. */
export async function spool(source: AsyncIterable<Buffer>): Promise<Spool> {
  const path = join(tmpdir(), `konkurs-spool-${randomUUID()}`);
  const file = await open(path, 'wx+', 0o600);
  await unlink(path).catch(async (err: Error) => { await file.close(); throw err; });
  let length = 0;
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => { wake?.(); wake = undefined; };
  let position = 0;

  const stream = new Readable({
    highWaterMark: READ_BYTES,
    async read() {
      try {
        // Caught up with the writer: wait for more, or for the end.
        while (position >= length && !ended) await new Promise<void>((resolve) => { wake = resolve; });
        if (this.destroyed) return;
        if (position >= length) {
          if (failure) this.destroy(failure);
          else this.push(null);
          return;
        }
        const buffer = Buffer.allocUnsafe(Math.min(READ_BYTES, length - position));
        const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
        position += bytesRead;
        this.push(buffer.subarray(0, bytesRead));
      } catch (err) {
        this.destroy(err as Error);
      }
    },
    destroy(err, callback) {
      notify();
      file.close().then(() => callback(err), () => callback(err));
    },
  });

  const written = (async () => {
    try {
      for await (const chunk of coalesced(source)) {
        if (stream.destroyed) throw new Error('the spool was closed before its source ended');
        await file.write(chunk, 0, chunk.length, length);
        length += chunk.length;
        notify();
      }
    } catch (err) {
      failure = err as Error;
      throw err;
    } finally {
      ended = true;
      notify();
    }
  })();
  return { stream, written };
}
