// Every message a person reads about a problem, by its stable code: the API renders `detail` and each field's
// `message` from here in the language of Accept-Language (Russian by default), and the SPA renders the same code
// and parameters itself, so nothing is ever matched by its English text.
import type { Lang } from '../labels.js';
import { PROBLEM_MESSAGES } from './problems.js';
import { FIELD_MESSAGES } from './fields.js';
import { REVIEW_MESSAGES } from './review.js';
import { EXPORT_MESSAGES } from './exports.js';

/** Parameters a message is filled from. Instants are ISO strings (shown in `timezone`, Moscow by default), money in kopecks. */
export type MessageParams = Record<string, string | number | boolean | null | undefined | readonly (string | number)[]>;
export interface MessageContext { lang: Lang; timezone?: string }
export type MessageTemplate = (params: MessageParams, ctx: MessageContext) => string;
export interface Message { ru: MessageTemplate; en: MessageTemplate }

const registry: Record<string, Message> = { ...FIELD_MESSAGES, ...PROBLEM_MESSAGES, ...REVIEW_MESSAGES, ...EXPORT_MESSAGES };
/** Every message known to this process: the common ones, and those an area registered (registerMessages). */
export const MESSAGES: Readonly<Record<string, Message>> = registry;

/**
 * Adds an area's messages. The reports' (`@konkurs/shared/messages/reports`) are registered by the API when it builds
 * and by the SPA with the screens that show them, so that a first visit of the SPA does not carry them; until then a
 * screen shows the server's own `message`, in the same language.
 */
export function registerMessages(more: Readonly<Record<string, Message>>): void {
  Object.assign(registry, more);
}

export const isKnownMessage = (code: string) => Object.hasOwn(MESSAGES, code);

/** The text of a code in a language; an unknown code falls back to the generic text of `fallback` (or 'invalid'). */
export function messageText(code: string, params: MessageParams = {}, ctx: MessageContext = { lang: 'ru' }, fallback = 'invalid'): string {
  const m = MESSAGES[code] ?? MESSAGES[fallback] ?? MESSAGES.invalid!;
  return m[ctx.lang](params, ctx);
}

/** The language to answer in, from an Accept-Language header: English only when the client prefers it to Russian. */
export function languageOf(acceptLanguage: string | undefined | null): Lang {
  if (!acceptLanguage) return 'ru';
  const ranked = acceptLanguage.split(',').map((part, i) => {
    const [tag, ...rest] = part.trim().toLowerCase().split(';');
    const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
    return { tag: tag!.split('-')[0]!, q: q ? Number(q.slice(2)) || 0 : 1, i };
  }).filter((x) => x.tag === 'ru' || x.tag === 'en').sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.tag === 'en' ? 'en' : 'ru';
}

export { PROBLEM_MESSAGES } from './problems.js';
export { FIELD_MESSAGES } from './fields.js';
export { REVIEW_MESSAGES } from './review.js';
export { EXPORT_MESSAGES } from './exports.js';
export { messageParams } from './params.js';
