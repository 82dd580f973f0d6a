// What the open data and the CSV downloads answer: the published winners registry (JSON), the index of its
// datasets, the Table Schema of its CSV, and the CSV bodies themselves (documented, streamed unserialised).
import { z } from 'zod';

/**
 * How a winner's reporting stands (open data): every report accepted; one still owed after its deadline; one awaiting
 * the organiser's review; otherwise in progress (none due yet, or being written).
 */
export const WINNER_REPORT_STATUSES = ['in_progress', 'submitted', 'overdue', 'accepted'] as const;
export type WinnerReportStatus = (typeof WINNER_REPORT_STATUSES)[number];
export const WINNER_REPORT_STATUS_LABELS: Record<'ru' | 'en', Record<WinnerReportStatus, string>> = {
  ru: { in_progress: 'Отчётность в работе', submitted: 'Отчёт на проверке', overdue: 'Отчёт просрочен', accepted: 'Все отчёты приняты' },
  en: { in_progress: 'Reporting in progress', submitted: 'Report under review', overdue: 'Report overdue', accepted: 'All reports accepted' },
};

/** One winner of a competition whose results are published: the facts of a row of winners.csv, money in kopecks. */
export const openDataWinner = z.object({
  applicationNumber: z.string(),
  competitionCode: z.string(),
  competition: z.string(),
  organization: z.string(),
  inn: z.string(),
  regionCode: z.string(),
  region: z.string().nullable(),
  project: z.string().nullable(),
  directionCode: z.string().nullable(),
  direction: z.string().nullable(),
  amountKopecks: z.number().int(),
  finalScore: z.number().nullable(),
  reportStatus: z.enum(WINNER_REPORT_STATUSES),
});
export type OpenDataWinner = z.infer<typeof openDataWinner>;

export const openDataWinners = z.object({ items: z.array(openDataWinner) });
export type OpenDataWinners = z.infer<typeof openDataWinners>;

/** A dataset of the index: every winner, or one competition's (its id, code and publication instant). */
export const openDataset = z.object({
  id: z.string(),
  title: z.string(),
  competitionId: z.string().nullable(),
  competitionCode: z.string().nullable(),
  publishedAt: z.string().nullable(),
  json: z.string(),
  csv: z.string(),
});
export type OpenDataset = z.infer<typeof openDataset>;

export const openDataIndex = z.object({ title: z.string(), schema: z.string(), datasets: z.array(openDataset) });
export type OpenDataIndex = z.infer<typeof openDataIndex>;

/** A field of the registry CSV as a Frictionless Table Schema states it (https://specs.frictionlessdata.io/table-schema/). */
export const tableSchemaField = z.object({
  name: z.string(),
  type: z.enum(['string', 'number']),
  title: z.string(),
  decimalChar: z.string().optional(),
  bareNumber: z.boolean().optional(),
  constraints: z.object({ required: z.boolean(), pattern: z.string().optional(), enum: z.array(z.string()).optional() }),
});

export const openDataTableSchema = z.object({
  title: z.string(),
  description: z.string(),
  fields: z.array(tableSchemaField),
  primaryKey: z.array(z.string()),
  missingValues: z.array(z.string()),
  dialect: z.object({ delimiter: z.string(), lineTerminator: z.string(), quoteChar: z.string(), doubleQuote: z.boolean(), header: z.boolean() }),
  encoding: z.string(),
});
export type OpenDataTableSchema = z.infer<typeof openDataTableSchema>;

/** The body of a reporting export: a text/csv stream, not JSON. */
export const csvDownload = z.string()
  .describe('text/csv; UTF-8 with BOM, `;` and a decimal comma by default (`delimiter=comma`: `,` and a point)');

/** The body of an open-data CSV: what portals expect, and the columns of schema.json. */
export const openDataCsv = z.string()
  .describe('text/csv; UTF-8 without BOM, `,` and a decimal point; the columns of /api/v1/open-data/schema.json');
