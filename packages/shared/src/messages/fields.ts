// Field-level messages: what a schema check or a rule says about one field (`errors[].code`).
// Codes are kebab-case; zod's own issue codes map onto these in the API's error plugin.
import type { Message } from './index.js';

export const FIELD_MESSAGES: Record<string, Message> = {
  invalid: { ru: () => 'Недопустимое значение', en: () => 'Invalid value' },
  required: { ru: () => 'Обязательное поле', en: () => 'Required' },
  'too-small': {
    ru: (p) => p.type === 'string' ? (p.minimum === 1 ? 'Заполните поле' : `Не короче ${p.minimum} символов`)
      : p.type === 'array' ? `Не меньше ${p.minimum} элементов` : `Не меньше ${p.minimum}`,
    en: (p) => p.type === 'string' ? (p.minimum === 1 ? 'Fill this in' : `At least ${p.minimum} characters`)
      : p.type === 'array' ? `At least ${p.minimum} items` : `At least ${p.minimum}`,
  },
  'too-big': {
    ru: (p) => p.type === 'string' ? `Не длиннее ${p.maximum} символов` : p.type === 'array' ? `Не больше ${p.maximum} элементов` : `Не больше ${p.maximum}`,
    en: (p) => p.type === 'string' ? `At most ${p.maximum} characters` : p.type === 'array' ? `At most ${p.maximum} items` : `At most ${p.maximum}`,
  },
};
