// CSV for people (Excel in a Russian locale) and for machines (open data): RFC 4180 quoting by csv-stringify,
// formula cells neutralised, streamed as fast as the client reads so that memory stays flat whatever the size.
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { stringify as stringifySync } from 'csv-stringify/sync';

export interface CsvDialect {
  delimiter: ';' | ',';
  /** Decimal separator of money and scores: a comma goes with `;`, a point with `,`. */
  decimal: ',' | '.';
  /** Excel needs the byte order mark to read UTF-8; machines are better off without it. */
  bom: boolean;
}

/** `semicolon` (the default): what Excel in a Russian locale opens as columns, with decimal commas. */
export function csvDialect(delimiter: 'semicolon' | 'comma', bom = true): CsvDialect {
  return delimiter === 'comma' ? { delimiter: ',', decimal: '.', bom } : { delimiter: ';', decimal: ',', bom };
}

/** A spreadsheet runs a cell starting with one of these as a formula (CSV injection); tab and CR hide one. */
export const FORMULA_START_CODES: readonly number[] = ['=', '+', '-', '@', '\t', '\r'].map((c) => c.charCodeAt(0));
const FORMULA_START = new Set(FORMULA_START_CODES);

/** Makes a cell that a spreadsheet would evaluate into plain text by prefixing an apostrophe (OWASP advice). */
export function neutraliseCell(value: string): string {
  return FORMULA_START.has(value.charCodeAt(0)) ? `'${value}` : value;
}

export type CsvCell = string | number | null | undefined;

const ROWS_PER_CHUNK = 500;

// With a CRLF record delimiter csv-stringify quotes a cell holding a lone LF or CR only when asked to: a reader
// would take that LF for the end of the row (RFC 4180 quotes every line break; so does PostgreSQL's COPY).
const csvOptions = (dialect: CsvDialect) => ({ delimiter: dialect.delimiter, record_delimiter: 'windows' as const, quote_record_delimiter: true });

/**
 * A CSV byte stream of the header and the rows, pulled from `rows` only as fast as the client reads
 * (backpressure), so a national export never sits in memory. Every string cell is neutralised; callers
 * format numbers as strings themselves (money with two decimals, in the dialect's decimal separator).
 * Rows are quoted by csv-stringify a few hundred at a time: one chunk per row would cost a write each.
 */
export function csvStream(header: readonly string[], rows: AsyncIterable<CsvCell[]> | Iterable<CsvCell[]>, dialect: CsvDialect): Readable {
  const options = csvOptions(dialect);
  const source = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : (async function* () { yield* rows; })();
  let prefix = dialect.bom ? '\ufeff' : '';
  let pending: CsvCell[][] = [[...header]];
  return new Readable({
    // Node asks for the next chunk only once the previous one is pushed: never two reads at once.
    async read() {
      try {
        let done = false;
        while (pending.length < ROWS_PER_CHUNK) {
          const next = await source.next();
          if (next.done) { done = true; break; }
          pending.push(next.value);
        }
        for (const row of pending) {
          for (let i = 0; i < row.length; i++) {
            const cell = row[i];
            if (typeof cell === 'string') row[i] = neutraliseCell(cell);
          }
        }
        const chunk = pending.length ? prefix + stringifySync(pending, options) : '';
        prefix = '';
        pending = [];
        if (chunk) this.push(chunk);
        if (done) this.push(null);
      } catch (err) {
        // A failing query mid-stream ends the response (the headers are gone by then).
        this.destroy(err as Error);
      }
    },
    // A client that went away: close the source, so that no further batch is read.
    destroy(err, callback) {
      Promise.resolve(source.return?.()).then(() => callback(err), () => callback(err));
    },
  });
}

/**
 * A CSV stream of the header (formatted here, as by csvStream) and a body of CSV text written elsewhere (by
 * PostgreSQL's COPY, with LF line ends), whose record ends become CRLF like csv-stringify's. The body goes with
 * the stream, even one destroyed before its first read (a client gone while the export was being prepared).
 */
export function csvTextStream(header: readonly string[], body: Readable, dialect: CsvDialect): Readable {
  const head = (dialect.bom ? '\ufeff' : '') + stringifySync([header.map(neutraliseCell)], csvOptions(dialect));
  const stream = Readable.from((async function* () {
    yield Buffer.from(head);
    yield* crlfRecords(body);
  })(), { objectMode: false });
  stream.once('close', () => body.destroy());
  return stream;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CRLF = Buffer.from('\r\n');

/** LF line ends of CSV text made CRLF; an LF inside a quoted cell is data and stays (quotes are tracked across chunks). */
export async function* crlfRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let quoted = false;
  for await (const chunk of chunks) {
    const parts: Buffer[] = [];
    let start = 0;
    let nextQuote = chunk.indexOf(QUOTE);
    for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, lf + 1)) {
      // An escaped quote ("") flips twice: only the quotes before this LF decide whether it is inside a cell.
      while (nextQuote !== -1 && nextQuote < lf) { quoted = !quoted; nextQuote = chunk.indexOf(QUOTE, nextQuote + 1); }
      if (quoted) continue;
      parts.push(chunk.subarray(start, lf), CRLF);
      start = lf + 1;
    }
    while (nextQuote !== -1) { quoted = !quoted; nextQuote = chunk.indexOf(QUOTE, nextQuote + 1); }
    parts.push(chunk.subarray(start));
    yield Buffer.concat(parts);
  }
}

/** Sends a CSV stream as a download named `fileName` (ASCII, plus the RFC 6266 UTF-8 form). */
export function sendCsv(reply: FastifyReply, fileName: string, stream: Readable, cacheControl = 'no-store') {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', cacheControl)
    .send(stream);
}

/** Reads a table in keyset-paginated batches: `fetch(after)` returns the next batch after the last row's key. */
export async function* inBatches<R, K>(fetch: (after: K | undefined) => Promise<R[]>, keyOf: (row: R) => K, batchSize: number): AsyncGenerator<R> {
  let after: K | undefined;
  for (;;) {
    const batch = await fetch(after);
    yield* batch;
    if (batch.length < batchSize) return;
    after = keyOf(batch[batch.length - 1]);
  }
}
