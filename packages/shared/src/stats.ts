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
