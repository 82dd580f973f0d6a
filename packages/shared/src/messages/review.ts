// Messages of the review-to-award path: assignments, reviews, the ranking, awards, results.
import type { Message } from './index.js';

export const REVIEW_MESSAGES: Record<string, Message> = {
  'score-required': { ru: () => 'Поставьте оценку', en: () => 'A score is required' },
  'comment-required': { ru: () => 'Для этого критерия нужен комментарий', en: () => 'A comment is required for this criterion' },
};
