// Totals for officials and organisers, and the CSV and XLSX exports (downloaded with the bearer token).
import { queryOptions } from '@tanstack/react-query';
import type { Totals, TotalsGroup } from '@konkurs/shared';
import { API_BASE, api, requestHeaders, onUnauthorized, problemFrom, queryString } from './client';

export type TotalsParams = { groupBy: TotalsGroup; competitionId?: string; operatorId?: string };
type QueryValue = string | number | boolean | undefined | null;

export const statsKeys = { totals: (p: TotalsParams) => ['stats', 'totals', p] as const };

export const totalsQuery = (params: TotalsParams) =>
  queryOptions({ queryKey: statsKeys.totals(params), queryFn: () => api<Totals>(`/stats/totals${queryString(params)}`) });

/** The file name the server proposes (Content-Disposition), or the fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The XLSX export beside a CSV one (`/exports/totals.csv` → `/exports/totals.xlsx`): same query, same access. */
export const xlsxPathOf = (csvPath: string) => csvPath.replace(/\.csv$/, '.xlsx');

/**
 * Downloads an export (CSV or XLSX): a plain link would not carry the bearer token, so fetch → blob → object URL.
 * `path` is under /api/v1 (e.g. `/exports/totals.csv`). Errors come back as ApiError.
 */
export async function downloadExport(path: string, params: Record<string, QueryValue>, fallbackName: string): Promise<string> {
  const accept = path.endsWith('.xlsx') ? XLSX_TYPE : 'text/csv';
  const response = await fetch(`${API_BASE}${path}${queryString(params)}`, { headers: { accept: `${accept}, application/problem+json`, ...requestHeaders() } });
  if (!response.ok) {
    onUnauthorized(response.status);
    throw await problemFrom(response);
  }
  const name = fileNameOf(response, fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}
