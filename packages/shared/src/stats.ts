import { z } from 'zod';
import { APPLICATION_STATUSES, TOTALS_GROUPS } from './enums.js';
import { id } from './common.js';

export const totalsQuery = z.object({
  groupBy: z.enum(TOTALS_GROUPS).default('region'),
  competitionId: id.optional(),
  operatorId: id.optional(),
});
const figures = {
  submitted: z.number().int(),
  admitted: z.number().int(),
  winners: z.number().int(),
  requestedKopecks: z.number(),
  awardedKopecks: z.number(),
  /** Grant money the winners have spent, by each one's latest accepted report (reports are cumulative). */
  spentKopecks: z.number(),
  /** Reports accepted, and reports still owed after their deadline. */
  reportsAccepted: z.number().int(),
  reportsOverdue: z.number().int(),
};
export const totals = z.object({
  rows: z.array(z.object({ key: z.string(), label: z.string(), ...figures })),
  total: z.object(figures),
});
export type Totals = z.infer<typeof totals>;

export const csvOptions = z.object({
  delimiter: z.enum(['semicolon', 'comma']).default('semicolon'),
  lang: z.enum(['ru', 'en']).default('ru'),
});
export const applicationsExportQuery = csvOptions.extend({
  competitionId: id.optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
});
export const totalsExportQuery = totalsQuery.extend(csvOptions.shape);
export const reviewsExportQuery = csvOptions.extend({ competitionId: id });
export type TotalsQuery = z.infer<typeof totalsQuery>;

// The XLSX beside each report CSV: the same filters and language; no delimiter (a workbook's cells are typed).
export const applicationsXlsxQuery = applicationsExportQuery.omit({ delimiter: true });
export const totalsXlsxQuery = totalsExportQuery.omit({ delimiter: true });
export const reviewsXlsxQuery = reviewsExportQuery.omit({ delimiter: true });

/** The body of an XLSX export: an Office Open XML workbook, not JSON. */
export const xlsxDownload = z.string()
  .describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; one sheet: a frozen header row with an autofilter, '
    + 'typed cells (counts and scores as numbers, money as numbers in roubles with a rouble format, dates as dates in the '
    + 'competition’s zone), identifiers (ИНН, region and direction codes, application numbers) as text cells, so 01 stays 01');
