// What the shape of a request gets told: the field codes of schema checks (`errors[].code`; zod's issues map onto
// them in zod-issues.ts), then the problems of a request as a whole that the API answers before any rule runs.
import type { Lang } from '../labels.js';
import { messageParams } from './params.js';
import type { Message, MessageContext, MessageParams } from './index.js';

const num = (n: unknown, lang: Lang) => (typeof n === 'number' ? n.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB').replace(/\u202f/g, '\u00a0') : String(n ?? ''));
/** "не короче 21 символа", "не короче 5 символов": the genitive after a bound. */
const genitive = (n: unknown, one: string, many: string) => (typeof n === 'number' && n % 10 === 1 && n % 100 !== 11 ? one : many);
/** "ровно 1 символ", "2 символа", "5 символов". */
function counted(n: unknown, one: string, few: string, many: string) {
  if (typeof n !== 'number') return many;
  const [m10, m100] = [n % 10, n % 100];
  return m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many;
}
const en = (n: unknown, word: string) => (n === 1 ? word : `${word}s`);

/** A bound as the field's kind reads it: roubles for money, a count of characters or items, or a number. */
function bound(side: 'min' | 'max', p: MessageParams, ctx: MessageContext): string {
  const n = side === 'min' ? p.minimum : p.maximum;
  const v = p.type === 'money' ? messageParams.money(n, ctx) : num(n, ctx.lang);
  const list = p.type === 'array' || p.type === 'set';
  if (ctx.lang === 'ru') {
    if (p.exact) return p.type === 'string' ? `Ровно ${v} ${counted(n, 'символ', 'символа', 'символов')}` : list ? `Ровно ${v} ${counted(n, 'элемент', 'элемента', 'элементов')}` : `Ровно ${v}`;
    if (p.type === 'string') return side === 'min' ? (n === 1 ? 'Заполните поле' : `Не короче ${v} ${genitive(n, 'символа', 'символов')}`) : `Не длиннее ${v} ${genitive(n, 'символа', 'символов')}`;
    if (list) return side === 'min' && n === 1 ? 'Добавьте хотя бы одно значение' : `${side === 'min' ? 'Не меньше' : 'Не больше'} ${v} ${genitive(n, 'элемента', 'элементов')}`;
    if (p.inclusive === false) return `${side === 'min' ? 'Больше' : 'Меньше'} ${v}`;
    return `${side === 'min' ? 'Не меньше' : 'Не больше'} ${v}`;
  }
  if (p.exact) return p.type === 'string' ? `Exactly ${v} ${en(n, 'character')}` : list ? `Exactly ${v} ${en(n, 'item')}` : `Exactly ${v}`;
  if (p.type === 'string') return side === 'min' ? (n === 1 ? 'Fill this in' : `At least ${v} characters`) : `At most ${v} ${en(n, 'character')}`;
  if (list) return side === 'min' && n === 1 ? 'Add at least one value' : `${side === 'min' ? 'At least' : 'At most'} ${v} ${en(n, 'item')}`;
  if (p.inclusive === false) return `${side === 'min' ? 'More than' : 'Less than'} ${v}`;
  return `${side === 'min' ? 'At least' : 'At most'} ${v}`;
}

const EXPECTED: Record<Lang, Record<string, string>> = {
  ru: { string: 'Нужен текст', number: 'Нужно число', int: 'Нужно целое число', boolean: 'Нужно «да» или «нет»', array: 'Нужен список', object: 'Нужен объект' },
  en: { string: 'Text expected', number: 'A number expected', int: 'A whole number expected', boolean: 'True or false expected', array: 'A list expected', object: 'An object expected' },
};

export const FIELD_MESSAGES: Record<string, Message> = {
  invalid: { ru: () => 'Недопустимое значение', en: () => 'Invalid value' },
  required: { ru: () => 'Обязательное поле', en: () => 'Required' },
  'too-small': { ru: (p, ctx) => bound('min', p, ctx), en: (p, ctx) => bound('min', p, ctx) },
  'too-big': { ru: (p, ctx) => bound('max', p, ctx), en: (p, ctx) => bound('max', p, ctx) },
  'invalid-type': {
    ru: (p) => EXPECTED.ru[String(p.expected)] ?? 'Значение не того типа',
    en: (p) => EXPECTED.en[String(p.expected)] ?? 'Wrong type of value',
  },
  'not-allowed': {
    ru: (p) => (Array.isArray(p.values) ? `Допустимые значения: ${messageParams.list(p.values)}` : 'Выберите значение из списка'),
    en: (p) => (Array.isArray(p.values) ? `Allowed values: ${messageParams.list(p.values)}` : 'Choose a value from the list'),
  },
  'unknown-field': {
    ru: (p) => `${Array.isArray(p.keys) && p.keys.length > 1 ? 'Неизвестные поля' : 'Неизвестное поле'}: ${messageParams.list(p.keys)}`,
    en: (p) => `${Array.isArray(p.keys) && p.keys.length > 1 ? 'Unknown fields' : 'Unknown field'}: ${messageParams.list(p.keys)}`,
  },
  'invalid-format': { ru: () => 'Неверный формат', en: () => 'Wrong format' },
  'invalid-email': { ru: () => 'Неверный адрес электронной почты', en: () => 'Not a valid e-mail address' },
  'invalid-url': { ru: () => 'Неверная ссылка', en: () => 'Not a valid link' },
  'invalid-uuid': { ru: () => 'Неверный идентификатор', en: () => 'Not a valid identifier' },
  'invalid-date': { ru: () => 'Неверная дата (нужен формат ГГГГ-ММ-ДД)', en: () => 'Not a valid date (YYYY-MM-DD)' },
  'invalid-datetime': { ru: () => 'Неверные дата и время (нужны дата, время и часовой пояс)', en: () => 'Not a valid date and time (a date, a time and a time zone offset)' },
  'invalid-time': { ru: () => 'Неверное время', en: () => 'Not a valid time' },
  'not-multiple-of': { ru: (p) => `Должно делиться на ${p.divisor}`, en: (p) => `Must be a multiple of ${p.divisor}` },
  'unstorable-text': { ru: () => 'В тексте есть недопустимые символы (символ NUL или повреждённый Юникод)', en: () => 'The text contains a NUL character or broken Unicode' },

  // Checks of particular fields (their patterns in patterns.ts, their refinements beside their schemas).
  'competition-code-format': {
    ru: () => 'Только заглавные латинские буквы, цифры и дефис; первый знак — буква или цифра',
    en: () => 'Capital Latin letters, digits and hyphens only, starting with a letter or digit',
  },
  'criterion-code-format': { ru: () => 'Только буквы, цифры и знаки _ . -', en: () => 'Letters, digits and _ . - only' },
  'unknown-timezone': { ru: () => 'Неизвестный часовой пояс', en: () => 'Unknown time zone' },
  // The password policy (password-policy.ts): one code a rule, said as what the password needs.
  'password-too-short': {
    ru: () => 'Не короче 12 символов (пробелы в начале и в конце не считаются)',
    en: () => 'At least 12 characters (spaces at either end do not count)',
  },
  'password-repeated': { ru: () => 'Не один и тот же символ, повторённый много раз', en: () => 'Not one character repeated' },
  'password-is-email': { ru: () => 'Не совпадает с адресом электронной почты', en: () => 'Not the e-mail address' },
  'password-common': {
    ru: () => 'Слишком распространённый или легко угадываемый пароль: добавьте слова или символы',
    en: () => 'Too common or too easy to guess: add words or characters',
  },
  'closes-before-opens': {
    ru: (p, ctx) => `Приём заявок должен закончиться позже его начала — ${messageParams.instant(p.opensAt, ctx)}`,
    en: (p, ctx) => `Applications must close after they open, ${messageParams.instant(p.opensAt, ctx)}`,
  },
  'max-grant-below-min': {
    ru: (p, ctx) => `Не меньше минимального размера гранта (${messageParams.money(p.minGrantKopecks, ctx)})`,
    en: (p, ctx) => `Not less than the minimum grant (${messageParams.money(p.minGrantKopecks, ctx)})`,
  },
  'max-grant-over-budget': {
    ru: (p, ctx) => `Не больше бюджета конкурса (${messageParams.money(p.budgetKopecks, ctx)})`,
    en: (p, ctx) => `Not more than the competition's budget (${messageParams.money(p.budgetKopecks, ctx)})`,
  },
  repeated: { ru: () => 'Одно и то же значение выбрано несколько раз', en: () => 'The same value is chosen more than once' },
  'duplicate-criterion-code': { ru: (p) => `Критерий с кодом ${p.criterionCode} уже есть`, en: (p) => `Another criterion already has the code ${p.criterionCode}` },
  'inn-format': { ru: () => 'ИНН организации — 10 цифр', en: () => "An organisation's INN has 10 digits" },
  'inn-checksum': { ru: () => 'Неверный ИНН: не сходится контрольная цифра', en: () => 'Wrong INN: the check digit does not match' },
  'ogrn-format': { ru: () => 'ОГРН — 13 цифр, первая 1 или 5', en: () => 'An OGRN has 13 digits, the first 1 or 5' },
  'ogrn-checksum': { ru: () => 'Неверный ОГРН: не сходится контрольная цифра', en: () => 'Wrong OGRN: the check digit does not match' },
  'kpp-format': {
    ru: () => 'КПП — 9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры',
    en: () => 'A KPP has 9 characters: 4 digits, 2 digits or capital Latin letters, 3 digits',
  },
  'phone-format': { ru: () => 'Только цифры, пробелы и знаки + ( ) -', en: () => 'Digits, spaces and + ( ) - only' },
  'sha256-format': { ru: () => '64 шестнадцатеричные цифры (0–9, a–f) в нижнем регистре', en: () => '64 lowercase hex digits (0–9, a–f)' },
  'reject-reason-required': { ru: () => 'Укажите причину, по которой заявка не допущена', en: () => 'Give the reason the application is rejected' },
  'operator-region-required': {
    ru: () => 'Укажите регион: оператор регионального или муниципального уровня работает в регионе',
    en: () => 'Choose the region of a regional or municipal operator',
  },

  // The request as a whole.
  'malformed-json': { ru: () => 'Тело запроса — некорректный JSON', en: () => 'The body is not valid JSON' },
  // A file over the upload limit is problems.ts's too-large; rate-limited is there too (the sign-in limit).
  'body-too-large': { ru: () => 'Запрос больше допустимого размера', en: () => 'The request is larger than allowed' },
  'unsupported-media-type': { ru: () => 'Такой тип содержимого запроса не поддерживается', en: () => 'This content type is not supported' },
  'route-not-found': { ru: (p) => `Такого адреса нет: ${p.method} ${p.path}`, en: (p) => `No route ${p.method} ${p.path}` },
  'bad-url': { ru: () => 'Адрес запроса не удаётся прочитать', en: () => 'The URL cannot be read' },
  'uri-too-long': { ru: () => 'Адрес запроса слишком длинный', en: () => 'The URL is too long' },
  'client-error': { ru: () => 'Запрос не может быть выполнен', en: () => 'The request cannot be completed' },
  'database-unavailable': {
    ru: () => 'База данных сейчас недоступна; повторите через несколько секунд',
    en: () => 'The database is not reachable at the moment; try again in a few seconds',
  },
  overloaded: {
    ru: (p) => `Сервер перегружен; повторите через ${p.retryAfterSeconds} с`,
    en: (p) => `The server is overloaded; try again in ${p.retryAfterSeconds} s`,
  },
  'request-timeout': {
    ru: () => 'Запрос не пришёл целиком за отведённое время; соединение закрыто',
    en: () => 'The request did not arrive in full in time; the connection is closed',
  },
  'headers-too-large': { ru: () => 'Заголовки запроса слишком велики', en: () => 'The request headers are too large' },
};
