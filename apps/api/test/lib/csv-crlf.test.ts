import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { crlfRecords } from '../../src/lib/csv.js';

async function convert(text: string, cuts: number[]) {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) { chunks.push(bytes.subarray(start, cut)); start = cut; }
  const out: Buffer[] = [];
  for await (const chunk of crlfRecords((async function* () { yield* chunks; })())) out.push(chunk);
  return Buffer.concat(out).toString();
}

describe('crlfRecords (COPY output made CRLF)', () => {
  const rows = [['a', 'Проект "Дом"; для всех,\nвторая строка', ''], ['"', '\n', 'x\r\ny'], ['', '""', 'конец']];
  const lf = stringify(rows, { delimiter: ';', record_delimiter: 'unix', quote_record_delimiter: true });
  const crlf = stringify(rows, { delimiter: ';', record_delimiter: 'windows', quote_record_delimiter: true });

  it('turns record ends into CRLF and leaves new lines inside quoted cells alone', async () => {
    expect(await convert(lf, [])).toBe(crlf);
  });

  it('tracks quotes across chunk boundaries, wherever the chunks are cut', async () => {
    const length = Buffer.byteLength(lf);
    for (let cut = 1; cut < length; cut++) expect(await convert(lf, [cut])).toBe(crlf);
    expect(await convert(lf, Array.from({ length: length - 1 }, (_, i) => i + 1))).toBe(crlf);
  });
});
