// How parameters read inside a sentence: instants in the competition's (or Moscow) time, money in roubles.
import { DEFAULT_TIMEZONE, formatDateTime, formatMoney } from '../format.js';
import type { MessageContext, MessageParams } from './index.js';

// Asking the runtime builds an Intl.DateTimeFormat (~50 µs): each zone's answer is kept (every notice formats an instant).
const knownZones = new Map<string, boolean>();
function isKnownZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try { new Intl.DateTimeFormat('en-GB', { timeZone: zone }); known = true; } catch { known = false; }
    if (knownZones.size < 1000) knownZones.set(zone, known);
  }
  return known;
}

export const messageParams = {
  /** An ISO instant as "31.12.2026 10:30 (МСК)" in the context's zone. */
  instant(value: unknown, ctx: MessageContext): string {
    if (typeof value !== 'string' && !(value instanceof Date)) return '';
    // A zone the runtime does not know (a typo the schema has yet to refuse) falls back to Moscow time: a message never throws.
    const zone = ctx.timezone && isKnownZone(ctx.timezone) ? ctx.timezone : DEFAULT_TIMEZONE;
    if (Number.isNaN(new Date(value).getTime())) return String(value);
    const suffix = zone === DEFAULT_TIMEZONE ? (ctx.lang === 'ru' ? ' (МСК)' : ' (Moscow time)') : ` (${zone})`;
    return formatDateTime(value, zone) + suffix;
  },
  money(value: unknown, ctx: MessageContext): string {
    return typeof value === 'number' ? formatMoney(value, ctx.lang) : '';
  },
  list(value: MessageParams[string]): string {
    return Array.isArray(value) ? value.join(', ') : String(value ?? '');
  },
};
