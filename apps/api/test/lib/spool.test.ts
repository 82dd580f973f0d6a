// lib/spool: the producer (a database's COPY) is taken at the disk's pace whatever the reader does, and the reader
// follows it; nothing is left on disk.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spool } from '../../src/lib/spool.js';

const MB = 1024 * 1024;
const chunk = (byte: number, size = 64 * 1024) => Buffer.alloc(size, byte);

/** A source of `n` chunks that waits at `gate` after the first `before` of them. */
function source(n: number, before = n, gate: Promise<void> = Promise.resolve()) {
  return (async function* () {
    for (let i = 0; i < n; i++) {
      if (i === before) await gate;
      yield chunk(i % 256);
    }
  })();
}

async function readAll(stream: NodeJS.ReadableStream) {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('spool', () => {
  it('takes the whole source while nobody reads (a stalled client holds no connection), then gives it back intact', async () => {
    const { stream, written } = await spool(source(64));
    await written;
    const bytes = await readAll(stream);
    expect(bytes.length).toBe(64 * 64 * 1024);
    expect(bytes.equals(Buffer.concat(Array.from({ length: 64 }, (_, i) => chunk(i))))).toBe(true);
  });

  it('lets the reader follow the writer: the first bytes come before the source has ended', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => { open = resolve; });
    // 1 MB and more before the gate: what one write gathers.
    const { stream, written } = await spool(source(40, 20, gate));
    const first = await new Promise<Buffer>((resolve) => stream.once('data', resolve));
    expect(first.length).toBeGreaterThan(0);
    let done = false;
    void written.then(() => { done = true; });
    expect(done).toBe(false);
    stream.pause();
    open();
    await written;
    stream.resume();
    expect(first.length + (await readAll(stream)).length).toBe(40 * 64 * 1024);
  });

  it('fails the reader after what was written when the source fails, and says so', async () => {
    const failing = (async function* () { yield chunk(1, 2 * MB); throw new Error('database gone'); })();
    const { stream, written } = await spool(failing);
    await expect(written).rejects.toThrow('database gone');
    await expect(readAll(stream)).rejects.toThrow('database gone');
  });

  it('stops writing once the reader has gone (the source is then given up)', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => { open = resolve; });
    const { stream, written } = await spool(source(80, 20, gate));
    stream.destroy();
    open();
    await expect(written).rejects.toThrow('closed before its source ended');
  });

  it('leaves no file behind: it is unlinked as soon as it is open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'konkurs-spool-test-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    try {
      const { stream, written } = await spool(source(4));
      expect(await readdir(dir)).toEqual([]);
      await written;
      expect((await readAll(stream)).length).toBe(4 * 64 * 1024);
    } finally {
      process.env.TMPDIR = saved;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
