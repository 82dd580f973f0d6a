// Names of regions and directions for display, from the shared reference data (no request needed).
import { DIRECTIONS, REGIONS, type Lang } from '@konkurs/shared';

const regionNames = new Map(REGIONS.map(([code, name]) => [code, name]));
const directionNames = new Map(DIRECTIONS.map(([code, ru, en]) => [code, { ru, en }]));

export const regionName = (code: string | null | undefined) => (code ? (regionNames.get(code) ?? code) : '—');
export const directionName = (code: string | null | undefined, lang: Lang) => (code ? (directionNames.get(code)?.[lang] ?? code) : '—');

/** Select options: `40 — Калужская область`, limited to `codes` when given. */
export const regionOptions = (codes?: readonly string[]) =>
  REGIONS.filter(([code]) => !codes?.length || codes.includes(code)).map(([code, name]) => ({ value: code, label: `${code} — ${name}` }));

export const directionOptions = (lang: Lang, codes?: readonly string[]) =>
  DIRECTIONS.filter(([code]) => !codes || codes.includes(code)).map(([code, ru, en]) => ({ value: code, label: lang === 'ru' ? ru : en }));
