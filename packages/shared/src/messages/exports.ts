// Messages of exports and open data.
import type { Message } from './index.js';

export const EXPORT_MESSAGES: Record<string, Message> = {
  // A 404 for an unknown id and for a competition whose results are not published yet: the two look the same.
  'published-competition-not-found': {
    ru: () => 'Конкурс с опубликованными итогами не найден',
    en: () => 'No competition with published results was found',
  },
  // Every download slot of the process is taken (EXPORT_CONCURRENCY, OPEN_DATA_CONCURRENCY).
  busy: {
    ru: (p) => `Сейчас выгружается слишком много файлов; повторите через ${p.retryAfterSeconds} с`,
    en: (p) => `Too many files are being downloaded right now; try again in ${p.retryAfterSeconds} s`,
  },
};
