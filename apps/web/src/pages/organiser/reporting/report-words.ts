// What the organiser's screens call a field of a report (the words the comment buttons and the history use).
import type { ReportingDict } from '../../../i18n/ru/reporting';

type FieldWords = ReportingDict['review']['fields'];
export const EVENT_FIELDS = ['status', 'actualStartDate', 'actualEndDate', 'result'] as const;
export const SPENDING_FIELDS = ['grantSpentKopecks', 'cofinancingSpentKopecks', 'note'] as const;
const TOP_FIELDS = ['spending', 'narrative', 'links', 'cofinancingNote', 'attachments'] as const;
const isOneOf = <T extends string>(list: readonly T[], s: string | undefined): s is T => s !== undefined && (list as readonly string[]).includes(s);

/**
 * A path into a report (the plan's indexes) in words: `events.2.result` → «мероприятие 3 · достигнутый результат»,
 * `spending.0.grantSpentKopecks` → «строка сметы 1 · израсходовано из гранта», `links.1` → «ссылка 2».
 */
export function pathWords(path: string, t: FieldWords): string {
  const [head, index, field] = path.split('.');
  const n = /^\d+$/.test(index ?? '') ? Number(index) + 1 : null;
  if (head === 'events' && n) return isOneOf(EVENT_FIELDS, field) ? `${t.event(n)} · ${t[field]}` : t.event(n);
  if (head === 'spending' && n) return isOneOf(SPENDING_FIELDS, field) ? `${t.line(n)} · ${t[field]}` : t.line(n);
  if (head === 'links' && n) return t.link(n);
  return isOneOf(TOP_FIELDS, head) ? t[head] : path;
}
