import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvDialect, csvStream, inBatches, neutraliseCell } from '../../src/lib/csv.js';
import { dateTimeText } from '../../src/domain/csv.js';
import { formatDateTime } from '@konkurs/shared';

async function text(stream: NodeJS.ReadableStream) {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

describe('neutraliseCell', () => {
  it.each(['=1+2', '+7 900', '-5', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with an apostrophe', (v) => {
    expect(neutraliseCell(v)).toBe(`'${v}`);
  });
  it.each(['', 'Школа', '1500000,00', "'=already", ' =space first'])('leaves %j alone', (v) => {
    expect(neutraliseCell(v)).toBe(v);
  });
});

describe('csvStream', () => {
  it('writes the semicolon dialect with BOM and CRLF, quoting as RFC 4180 says', async () => {
    const out = await text(csvStream(['a', 'b'], [['x;y', 'say "hi"\nthen'], ['=HACK()', null]], csvDialect('semicolon')));
    expect(out).toBe('\ufeffa;b\r\n"x;y";"say ""hi""\nthen"\r\n\'=HACK();\r\n');
    expect(parse(out, { bom: true, delimiter: ';' })).toEqual([['a', 'b'], ['x;y', 'say "hi"\nthen'], ["'=HACK()", '']]);
  });

  it('writes the comma dialect, without BOM when asked', async () => {
    expect(csvDialect('comma')).toEqual({ delimiter: ',', decimal: '.', bom: true });
    const out = await text(csvStream(['a'], (async function* () { yield ['1,5']; })(), csvDialect('comma', false)));
    expect(out).toBe('a\r\n"1,5"\r\n');
  });

  it('stops pulling rows when the reader goes away, closing the source', async () => {
    let pulled = 0;
    let closed = false;
    async function* rows() {
      try {
        for (;;) { pulled++; yield ['x'.repeat(1000)]; }
      } finally { closed = true; }
    }
    const stream = csvStream(['h'], rows(), csvDialect('semicolon'));
    stream.once('data', () => stream.destroy());
    await new Promise((r) => stream.once('close', r));
    await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(true);
    expect(pulled).toBeLessThan(1000);
  });

  it('ends the stream with an error when the rows fail', async () => {
    async function* rows() { yield ['ok']; throw new Error('database gone'); }
    await expect(text(csvStream(['h'], rows(), csvDialect('semicolon')))).rejects.toThrow('database gone');
  });
});

describe('inBatches', () => {
  it('reads keyset batches until a short one', async () => {
    const data = Array.from({ length: 25 }, (_, i) => i);
    const calls: (number | undefined)[] = [];
    const got: number[] = [];
    for await (const n of inBatches(async (after?: number) => { calls.push(after); return data.filter((x) => after === undefined || x > after).slice(0, 10); }, (n) => n, 10)) got.push(n);
    expect(got).toEqual(data);
    expect(calls).toEqual([undefined, 9, 19]);
  });
});

describe('dateTimeText', () => {
  it('is formatDateTime, whatever the zone and minute', () => {
    for (const zone of ['Europe/Moscow', 'Asia/Vladivostok', 'Europe/Berlin', 'America/New_York']) {
      for (const iso of ['2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z', '2026-10-25T00:30:00Z', '2027-01-31T20:59:00Z']) {
        expect(dateTimeText(new Date(iso), zone)).toBe(formatDateTime(iso, zone));
      }
    }
  });
});
