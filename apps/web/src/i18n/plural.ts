/** Russian plural forms: plural(5, ['день', 'дня', 'дней']) → 'дней'. */
export function pluralRu(n: number, [one, few, many]: readonly [string, string, string]): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return many;
  if (b > 1 && b < 5) return few;
  if (b === 1) return one;
  return many;
}

export const pluralEn = (n: number, one: string, other: string) => (Math.abs(n) === 1 ? one : other);
