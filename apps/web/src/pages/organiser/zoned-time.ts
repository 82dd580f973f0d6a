// Competition windows are instants, entered and shown in the competition's time zone (Moscow by default):
// `2027-03-01T18:00` typed in Europe/Moscow is 2027-03-01T15:00:00.000Z. Pure functions, no library.

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string) {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  return f;
}

function wallClock(instant: number, zone: string) {
  const p = formatter(zone).formatToParts(new Date(instant));
  const get = (t: string) => Number(p.find((x) => x.type === t)?.value);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute') };
}

/** The zone's offset from UTC at an instant, in minutes (Moscow: +180). */
function offsetMinutes(instant: number, zone: string): number {
  const w = wallClock(instant, zone);
  return (Date.UTC(w.y, w.m - 1, w.d, w.h, w.min) - Math.floor(instant / 60_000) * 60_000) / 60_000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2027-03-01T18:00` on the wall clock of `zone` → ISO instant; null when the text is not such a value. */
export function zonedToInstant(local: string, zone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return null;
  const naive = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  if (Number.isNaN(naive)) return null;
  // Two passes settle the offset on the right side of a daylight-saving change.
  let guess = naive - offsetMinutes(naive, zone) * 60_000;
  guess = naive - offsetMinutes(guess, zone) * 60_000;
  return new Date(guess).toISOString();
}

/** ISO instant → `2027-03-01T18:00` on the wall clock of `zone` (the value of a DateTimeField). */
export function instantToZoned(iso: string, zone: string): string {
  const w = wallClock(Date.parse(iso), zone);
  return `${pad(w.y, 4)}-${pad(w.m)}-${pad(w.d)}T${pad(w.h)}:${pad(w.min)}`;
}

/** Roubles typed in a form → kopecks (integer, no float residue: 1500000.1 → 150000010). */
export const roublesToKopecks = (roubles: number) => Math.round(roubles * 100);
export const kopecksToRoubles = (kopecks: number) => kopecks / 100;
