import type { OfficialDict } from '../ru/official';
import { pluralEn } from '../plural';

const official: OfficialDict = {
  title: 'Totals and exports',
  subtitle: 'Figures of your operator’s competitions',
  groupBy: 'Group by',
  groups: { region: 'By region', direction: 'By direction', competition: 'By competition', operator: 'By operator' },
  competition: 'Competition',
  allCompetitions: 'All competitions',
  operator: 'Operator',
  allOperators: 'All operators',
  filters: 'Filters',
  key: { region: 'Region', direction: 'Direction', competition: 'Competition', operator: 'Operator' },
  submitted: 'Submitted',
  admitted: 'Admitted',
  winners: 'Winners',
  requested: 'Requested',
  awarded: 'Awarded',
  total: 'Total',
  chartApplications: 'Applications',
  chartMoney: 'Amounts, million ₽',
  chartLabel: (what: string) => `Chart: ${what}`,
  headline: (submitted: number, winners: number, awarded: string) =>
    `${submitted.toLocaleString('en-GB')} ${pluralEn(submitted, 'application', 'applications')} submitted, ${winners.toLocaleString('en-GB')} ${pluralEn(winners, 'winner', 'winners')}, ${awarded}`,
  empty: 'No data yet',
  exportApplications: 'Applications (CSV)',
  exportTotals: 'Totals (CSV)',
  exported: (name: string) => `${name} downloaded`,
  tableLabel: 'Totals table',
  millions: 'million ₽',
};
export default official;
