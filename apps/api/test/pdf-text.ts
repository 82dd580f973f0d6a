// Reads a PDF back for the document tests: its text (pdfjs-dist, the legacy build for Node, no system fonts), page by
// page, and the fonts it embeds (from the bytes: a standard-14 font would be referenced, not embedded).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page, the items joined by spaces, runs of white space (no-break spaces too) made one space. */
export async function pdfPages(bytes: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return pages;
}

export const pdfText = async (bytes: Buffer) => (await pdfPages(bytes)).join(' ');

/** The base font names the PDF declares (`/BaseFont /BZZZZZ+Roboto-Medium`), subset tags dropped. */
export function pdfFonts(bytes: Buffer): string[] {
  const names = [...bytes.toString('latin1').matchAll(/\/BaseFont\s*\/([A-Za-z0-9+_-]+)/g)].map((m) => m[1]!.replace(/^[A-Z]{6}\+/, ''));
  return [...new Set(names)].sort();
}

/** The info dictionary (Title, Producer, CreationDate as `D:20270201073000Z`…). */
export async function pdfInfo(bytes: Buffer): Promise<Record<string, unknown>> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return info as Record<string, unknown>;
}
