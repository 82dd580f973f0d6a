// Problem-level messages (`code` of a whole problem, the `detail` a person reads), and the rule messages
// the domain attaches to fields (submit problems, frozen settings, review completeness).
import type { Message } from './index.js';

export const PROBLEM_MESSAGES: Record<string, Message> = {
  'invalid-request': { ru: () => 'Запрос заполнен с ошибками', en: () => 'The request has errors' },
  internal: { ru: () => 'Что-то пошло не так на нашей стороне; запрос не выполнен', en: () => 'Something went wrong on our side; the request was not completed' },
};
