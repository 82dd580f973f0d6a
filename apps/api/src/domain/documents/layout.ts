// What the three printable documents share: the styles, the heading, sections, tables, and how money, dates, instants
// and signatures read in them. Pure functions to pdfmake definitions, plain data (lib/pdf.ts adds «Страница 1 из 3»).
import { DEFAULT_TIMEZONE, formatDate, formatMoney, messageParams } from '@konkurs/shared';
import type { PdfContent, PdfDocument } from '../../lib/pdf.js';

export const money = (kopecks: number | null | undefined) => formatMoney(kopecks ?? 0);
/** A calendar date or an instant as `01.02.2027` (an instant in the zone given); an empty value as a dash. */
export const date = (value: string | Date | null | undefined, timezone = DEFAULT_TIMEZONE) => (value ? formatDate(value, timezone) : '—');
/** An instant as `01.02.2027 10:30 (МСК)` in the competition's zone. */
export const instant = (value: Date, timezone: string) => messageParams.instant(value.toISOString(), { lang: 'ru', timezone });
export const orDash = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '—' : String(value));

/** «Иванова Мария Петровна» → «М. П. Иванова» (surname first, as Russian documents write a full name). */
export function initialsAndSurname(fullName: string): string {
  const [surname, ...rest] = fullName.trim().split(/\s+/);
  if (!surname || rest.length === 0) return fullName.trim();
  return `${rest.map((n) => `${n[0]!.toUpperCase()}.`).join('\u00a0')}\u00a0${surname}`;
}

/** A signature line: «____________ / М. П. Иванова». */
export const signatureLine = (fullName: string): PdfContent => ({ text: `____________________ / ${initialsAndSurname(fullName)}`, margin: [0, 14, 0, 0] });

export const STYLES: PdfDocument['styles'] = {
  title: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 10, alignment: 'center', margin: [0, 0, 0, 2] },
  section: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
  label: { color: '#555555' },
  th: { bold: true, fillColor: '#eeeeee' },
  small: { fontSize: 8 },
  note: { fontSize: 8, color: '#555555' },
};

export const section = (title: string): PdfContent => ({ text: title, style: 'section' });
export const paragraph = (text: string | PdfContent[], extra: Record<string, unknown> = {}): PdfContent =>
  ({ text, margin: [0, 0, 0, 4], alignment: 'justify', ...extra });

/** Two columns of label and value, no rules: a card of facts. */
export function facts(rows: [label: string, value: string | PdfContent][]): PdfContent {
  return {
    table: { widths: [150, '*'], body: rows.map(([label, value]) => [{ text: label, style: 'label' }, value]) },
    layout: 'noBorders',
    margin: [0, 0, 0, 4],
  };
}

export interface Column { header: string; width: number | string; align?: 'left' | 'right' | 'center' }

/** A ruled table with a header row repeated on every page; an empty list reads «нет». */
export function table(columns: Column[], rows: (string | PdfContent)[][], options: { fontSize?: number; footerRows?: (string | PdfContent)[][] } = {}): PdfContent {
  if (rows.length === 0) return { text: 'Нет', style: 'label', margin: [0, 0, 0, 4] };
  const cell = (value: string | PdfContent, c: Column) => (typeof value === 'string' ? { text: value, alignment: c.align ?? 'left' } : value);
  const body = [
    columns.map((c) => ({ text: c.header, style: 'th', alignment: c.align ?? 'left' })),
    ...rows.map((r) => r.map((v, i) => cell(v, columns[i]!))),
    ...(options.footerRows ?? []).map((r) => r.map((v, i) => ({ ...(cell(v, columns[i]!) as object), bold: true }))),
  ];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: columns.map((c) => c.width), body },
    layout: 'ruled', // lib/pdf.ts: thin grey rules, tight padding
    fontSize: options.fontSize ?? 8.5,
    margin: [0, 0, 0, 6],
  };
}

/** The document's heading: its title and the lines under it. */
export const heading = (title: string, lines: string[]): PdfContent[] =>
  [{ text: title, style: 'title' }, ...lines.map((l) => ({ text: l, style: 'subtitle' }))];

/** A whole document: A4 (portrait unless a wide table asks for landscape), the shared styles, the footer. */
export const document = (content: PdfContent[], footerText: string, pageOrientation: 'portrait' | 'landscape' = 'portrait'): PdfDocument =>
  ({ pageSize: 'A4', pageOrientation, pageMargins: [40, 40, 40, 50], content, styles: STYLES, footerText });
