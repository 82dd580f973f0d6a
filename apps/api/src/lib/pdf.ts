// Printable documents with pdfmake 0.3 (declarative layout over pdfkit: tables that break across pages, repeated
// header rows, page numbers «Страница 1 из 3», no browser needed). The font is the Roboto that ships inside the
// pdfmake package (it has Cyrillic), read once from node_modules, never a system font, so that a document looks the
// same on every machine. The output is reproducible: the dates in the info dictionary are the data's instant, the
// title, author and producer are fixed, and pdfkit derives the trailer's /ID and the font subset tags from those, so
// the same data gives the same bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A piece of a pdfmake document definition (https://pdfmake.github.io/docs/0.3/): text, a table, columns, a stack… */
export type PdfContent = string | PdfContent[] | { [key: string]: unknown };

export interface PdfDocument {
  content: PdfContent;
  pageSize?: 'A4';
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins?: number | [number, number, number, number];
  header?: (currentPage: number, pageCount: number) => PdfContent;
  footer?: (currentPage: number, pageCount: number) => PdfContent;
  styles?: Record<string, Record<string, unknown>>;
  defaultStyle?: Record<string, unknown>;
}

export interface PdfMeta {
  title: string;
  subject?: string;
  /** The instant of the data the document shows (a submission, a decision, a publication): its creation date. */
  at: Date;
}

const FONT_FAMILY = 'Roboto';
const FONT_FILES = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };
const require = createRequire(import.meta.url);

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

/**
 * Lays out and renders a document to PDF bytes. pdfmake's layout is synchronous: a document of thousands of table
 * rows holds the event loop while it is laid out (see the protocol's measurement in test/domain/documents.test.ts).
 */
export async function renderPdf(doc: PdfDocument, meta: PdfMeta): Promise<Buffer> {
  const { Printer, UrlResolver, fonts } = pdfEngine();
  // The fonts come from memory; nothing is fetched and no local file is read on a document's behalf.
  const vfs = { existsSync: (name: string) => fonts.has(name), readFileSync: (name: string) => fonts.get(name) };
  const urls = new UrlResolver(vfs);
  urls.setUrlAccessPolicy(() => false);
  const printer = new Printer({ [FONT_FAMILY]: { ...FONT_FILES } }, vfs, urls, () => false);
  const pdf = await printer.createPdfKitDocument({
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    ...doc,
    language: 'ru-RU',
    defaultStyle: { font: FONT_FAMILY, fontSize: 10, lineHeight: 1.15, ...doc.defaultStyle },
    info: {
      title: meta.title, subject: meta.subject ?? meta.title, author: 'Konkurs', creator: 'Konkurs', producer: 'Konkurs (pdfmake)',
      creationDate: meta.at, modDate: meta.at,
    },
  });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('readable', () => { for (let c = pdf.read(); c !== null; c = pdf.read()) chunks.push(c); });
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject as (e?: Buffer) => void);
    pdf.end();
  });
}
