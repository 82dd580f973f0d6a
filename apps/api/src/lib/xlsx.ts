// XLSX for people: the reports of the CSV exports as a workbook Excel opens as it is, with typed cells (numbers as
// numbers, money as roubles with a rouble format, dates as dates, identifiers such as ИНН and region codes as
// text, so that "01" stays "01"), a frozen header row, an autofilter and column widths. Written by exceljs's
// streaming WorkbookWriter without shared strings: rows are committed as they come and the zip is sent as it is
// deflated, pulled only as fast as the client reads, so a national export runs in flat memory as the CSV does.
import { PassThrough, type Readable } from 'node:stream';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

/** What a column holds, which decides its cells' type and number format. */
export type SheetKind = 'text' | 'integer' | 'number' | 'money' | 'score' | 'dateTime';
/** A typed cell: text, a number (money in roubles), a date (its UTC fields are the wall time shown), or empty. */
export type SheetValue = string | number | Date | null | undefined;
export interface SheetColumn { header: string; kind: SheetKind; width?: number }

/**
 * Excel's number format codes (stored in the file as codes: Excel shows them in the reader's locale, a Russian
 * Excel `1 500 000,00 ₽`). `[$₽-419]` is the rouble sign of the Russian locale (LCID 0x419); `@` is text.
 */
export const SHEET_FORMATS: Record<SheetKind, string> = {
  text: '@',
  integer: '#,##0',
  number: 'General',
  money: '#,##0.00 [$₽-419]',
  score: '0.00',
  dateTime: 'dd.mm.yyyy hh:mm',
};
const DEFAULT_WIDTHS: Record<SheetKind, number> = { text: 14, integer: 12, number: 10, money: 18, score: 10, dateTime: 17 };

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows between checks that the client keeps up (and turns for the zip to deflate what was committed). */
const ROWS_PER_TURN = 200;
/** Bytes of sheet XML the zip may have waiting before rows wait for it. */
const SINK_LIMIT = 1024 * 1024;

/** A column's width in characters: its kind's, widened to the header (Excel's widths count characters). */
export const sheetWidth = (c: SheetColumn) => Math.min(60, Math.max(c.width ?? DEFAULT_WIDTHS[c.kind], c.header.length + 2));

/**
 * An XLSX byte stream of one sheet: the header row, then the rows, pulled from `rows` only as fast as the client
 * reads. Strings are written as strings (never formulas: Excel does not run a cell's text, so no neutralising
 * apostrophe is needed, and none is shown); an empty string is an empty cell.
 */
export function xlsxStream(sheetName: string, columns: readonly SheetColumn[], rows: AsyncIterable<SheetValue[]> | Iterable<SheetValue[]>): Readable {
  const out = new PassThrough();
  const source = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : (async function* () { yield* rows; })();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = columns.map((c) => ({ width: sheetWidth(c), style: { numFmt: SHEET_FORMATS[c.kind] } }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  // exceljs writes the sheet's XML into the zip's entry stream without waiting (its buffer passes 64 KB chunks on,
  // ignoring backpressure), and the zip deflates it at its own pace: rows are committed only while what the zip
  // has not taken yet stays under 1 MB, and the client keeps up with what is sent.
  type Sink = NodeJS.EventEmitter & { _writableState?: { length: number; needDrain: boolean } };
  const sheetSink = () => (sheet as unknown as { stream?: { pipes?: Sink[] } }).stream?.pipes?.[0];
  /** Until `stream` drains or the response closes (the listeners of the other go with it). */
  async function drainOrClose(stream: NodeJS.EventEmitter) {
    const done = new AbortController();
    const wait = (e: NodeJS.EventEmitter, event: string) => once(e, event, { signal: done.signal }).catch(() => undefined);
    await Promise.race([wait(stream, 'drain'), wait(out, 'close')]);
    done.abort();
  }
  async function caughtUp() {
    const sink = sheetSink();
    const state = sink?._writableState;
    // The zip's entry stream says `drain` once it has taken everything written (the flag is set past 16 KB).
    if (sink && state && state.length > SINK_LIMIT && state.needDrain) await drainOrClose(sink);
    if (out.writableNeedDrain && !out.destroyed) await drainOrClose(out);
    await new Promise((resolve) => setImmediate(resolve));
  }

  async function write() {
    const head = sheet.addRow(columns.map((c) => c.header));
    head.eachCell((cell) => { cell.style = { font: { bold: true }, alignment: { vertical: 'top', wrapText: true } }; });
    head.commit();
    let n = 0;
    for (;;) {
      const next = await source.next();
      if (next.done) break;
      sheet.addRow(next.value.map((v) => (v === '' || v === undefined ? null : v))).commit();
      if (++n % ROWS_PER_TURN === 0) {
        // The client went away: stop reading (the source's return() reads no further batch).
        if (out.destroyed) return;
        await caughtUp();
      }
    }
    sheet.commit();
    await workbook.commit();
  }
  write().catch((err: Error) => out.destroy(err)).finally(() => { void source.return?.(); });
  return out;
}

/** Sends an XLSX stream as a download named `fileName` (ASCII, plus the RFC 6266 UTF-8 form). */
export function sendXlsx(reply: FastifyReply, fileName: string, stream: Readable) {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(stream);
}
