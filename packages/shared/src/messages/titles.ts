// The `title` of a problem: a short phrase for its HTTP status, in the caller's language (the `detail` says the rest).
import type { Lang } from '../labels.js';

const TITLES: Record<number, Record<Lang, string>> = {
  400: { ru: 'Неверный запрос', en: 'Bad Request' },
  401: { ru: 'Нужно войти', en: 'Unauthorized' },
  403: { ru: 'Нет доступа', en: 'Forbidden' },
  404: { ru: 'Не найдено', en: 'Not Found' },
  408: { ru: 'Запрос не дошёл вовремя', en: 'Request Timeout' },
  409: { ru: 'Действие сейчас невозможно', en: 'Conflict' },
  412: { ru: 'Данные изменились', en: 'Precondition Failed' },
  413: { ru: 'Слишком большой запрос', en: 'Payload Too Large' },
  414: { ru: 'Слишком длинный адрес', en: 'URI Too Long' },
  415: { ru: 'Неподдерживаемый тип данных', en: 'Unsupported Media Type' },
  422: { ru: 'Проверка не пройдена', en: 'Unprocessable Content' },
  429: { ru: 'Слишком много запросов', en: 'Too Many Requests' },
  431: { ru: 'Слишком большие заголовки', en: 'Request Header Fields Too Large' },
  500: { ru: 'Внутренняя ошибка', en: 'Internal Server Error' },
  503: { ru: 'Сервис временно недоступен', en: 'Service Unavailable' },
  507: { ru: 'Недостаточно места на сервере', en: 'Insufficient Storage' },
};

export function problemTitle(status: number, lang: Lang): string {
  return TITLES[status]?.[lang] ?? (lang === 'ru' ? 'Ошибка' : 'Error');
}
