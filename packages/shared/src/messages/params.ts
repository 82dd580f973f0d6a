// How parameters read inside a sentence: instants in the competition's (or Moscow) time, money in roubles.
import { DEFAULT_TIMEZONE, formatDateTime, formatMoney } from '../format.js';
import type { MessageContext, MessageParams } from './index.js';

export const messageParams = {
  /** An ISO instant as "31.12.2026 10:30 (МСК)" in the context's zone. */
  instant(value: unknown, ctx: MessageContext): string {
    if (typeof value !== 'string' && !(value instanceof Date)) return '';
    const zone = ctx.timezone ?? DEFAULT_TIMEZONE;
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
