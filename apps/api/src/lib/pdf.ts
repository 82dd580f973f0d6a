// Printable documents with pdfmake 0.3 (declarative layout over pdfkit: tables that break across pages, repeated
// header rows, page numbers «Страница 1 из 3», no browser needed). The font is the Roboto that ships inside the
// pdfmake package (it has Cyrillic), read from node_modules, never a system font, so that a document looks the same
// on every machine. The output is reproducible: the dates in the info dictionary are the data's instant, the title,
// author and producer are fixed, and pdfkit derives the trailer's /ID and the font subset tags from those, so the
// same data gives the same bytes.
//
// pdfmake's layout is synchronous and a national protocol (12,000 rows) takes seconds: each document is laid out in
// a worker thread (lib/pdf-thread.ts), so the event loop keeps serving while it is made. A definition is plain
// data for that reason: the footer is a text (the page numbers are added here) and tables name the layout 'ruled'.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** A piece of a pdfmake document definition (https://pdfmake.github.io/docs/0.3/): text, a table, columns, a stack… Plain data. */
export type PdfContent = string | PdfContent[] | { [key: string]: unknown };

export interface PdfDocument {
  content: PdfContent;
  pageSize?: 'A4';
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins?: number | [number, number, number, number];
  /** The left part of every page's footer; «Страница N из M» goes on its right. */
  footerText?: string;
  styles?: Record<string, Record<string, unknown>>;
  defaultStyle?: Record<string, unknown>;
}

export interface PdfMeta {
  title: string;
  subject?: string;
  /** The instant of the data the document shows (a submission, a decision, a publication): its creation and modification date. */
  at: Date;
}

const FONT_FAMILY = 'Roboto';
const FONT_FILES = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };
const require = createRequire(import.meta.url);

/** Thin grey rules and tight padding: the one table layout documents name ('ruled'). */
const TABLE_LAYOUTS = {
  ruled: {
    hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#999999', vLineColor: () => '#999999',
    paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => 2, paddingBottom: () => 2,
  },
};

interface PdfKitDocument { on(event: string, cb: (chunk?: Buffer) => void): void; read(size?: number): Buffer | null; end(): void }
interface Printer { createPdfKitDocument(doc: unknown, options?: object): Promise<PdfKitDocument> }
type PrinterClass = new (fonts: object, vfs: object, urlResolver: object, localAccessPolicy: (path: string) => boolean) => Printer;
type UrlResolverClass = new (vfs: object) => { setUrlAccessPolicy(policy: (url: string) => boolean): void };

let engine: { Printer: PrinterClass; UrlResolver: UrlResolverClass; fonts: Map<string, Buffer> } | undefined;

/** pdfmake's printer and the fonts from its package, loaded on the first document. */
function pdfEngine() {
  if (!engine) {
    const root = dirname(require.resolve('pdfmake/package.json'));
    const fonts = new Map(Object.values(FONT_FILES).map((f) => [f, readFileSync(join(root, 'fonts', FONT_FAMILY, f))]));
    engine = {
      Printer: (require('pdfmake/js/Printer.js') as { default: PrinterClass }).default,
      UrlResolver: (require('pdfmake/js/URLResolver.js') as { default: UrlResolverClass }).default,
      fonts,
    };
  }
  return engine;
}

/** Lays out and renders a document in this thread (lib/pdf-thread.ts calls it; the request path calls renderPdf). */
export async function layOutPdf(doc: PdfDocument, meta: PdfMeta): Promise<Buffer> {
  const { Printer, UrlResolver, fonts } = pdfEngine();
  // The fonts come from memory; nothing is fetched and no local file is read on a document's behalf.
  const vfs = { existsSync: (name: string) => fonts.has(name), readFileSync: (name: string) => fonts.get(name) };
  const urls = new UrlResolver(vfs);
  urls.setUrlAccessPolicy(() => false);
  const printer = new Printer({ [FONT_FAMILY]: { ...FONT_FILES } }, vfs, urls, () => false);
  const { footerText, ...definition } = doc;
  const pdf = await printer.createPdfKitDocument({
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    ...definition,
    footer: (page: number, pages: number) => ({
      margin: [40, 10, 40, 0],
      columns: [
        { text: footerText ?? '', fontSize: 8, color: '#555555', width: '*' },
        { text: `Страница ${page} из ${pages}`, fontSize: 8, color: '#555555', alignment: 'right', width: 80 },
      ],
    }),
    language: 'ru-RU',
    defaultStyle: { font: FONT_FAMILY, fontSize: 10, lineHeight: 1.15, ...doc.defaultStyle },
    info: {
      title: meta.title, subject: meta.subject ?? meta.title, author: 'Konkurs', creator: 'Konkurs', producer: 'Konkurs (pdfmake)',
      creationDate: meta.at, modDate: meta.at,
    },
  }, { tableLayouts: TABLE_LAYOUTS });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('readable', () => { for (let c = pdf.read(); c !== null; c = pdf.read()) chunks.push(c); });
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject as (e?: Buffer) => void);
    pdf.end();
  });
}

// Running from TypeScript sources (tests, `pnpm dev`) the thread is the .ts file beside this one, loaded through tsx's
// loader registered in the thread; in the esbuild bundle (dist/server.js) it is dist/lib/pdf-thread.js, an entry of
// scripts/build.mjs.
const fromSource = import.meta.url.endsWith('.ts');
const thread = (): [string | URL, { eval?: boolean }] => {
  if (!fromSource) return [new URL('./lib/pdf-thread.js', import.meta.url), {}];
  const source = JSON.stringify(new URL('./pdf-thread.ts', import.meta.url).href);
  return [`import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); })`, { eval: true }];
};

/** Renders a document to PDF bytes in a worker thread of its own (its memory goes with it). */
export function renderPdf(doc: PdfDocument, meta: PdfMeta): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const [script, options] = thread();
    const worker = new Worker(script, { ...options, workerData: { doc, meta } });
    let done = false;
    worker.once('message', (bytes: Uint8Array) => { done = true; resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)); });
    worker.once('error', (e) => { done = true; reject(e); });
    worker.once('exit', (code) => { if (!done) reject(new Error(`the PDF thread exited with code ${code} before answering`)); });
  });
}
