// Which fields a submit requires, declared once: the API's submit check (domain/submission-rules.ts) reports the
// missing ones, the editor marks the same fields as required and tells which sections are complete.
import type { DraftFields } from './applications.js';
import type { RuleIssue } from './workflow.js';

/** Texts of the project card that must be filled. */
export const REQUIRED_TEXTS = ['title', 'summary', 'relevance', 'goal'] as const;
/** Lists that need at least one entry (the project card's, then the sections'); an entry of tasks or target groups must be filled. */
export const REQUIRED_LISTS = ['tasks', 'targetGroups', 'geographyRegionCodes', 'team', 'calendarPlan', 'budget'] as const;
/** What each entry of a section needs. */
export const REQUIRED_ITEM_FIELDS = {
  team: ['fullName'],
  calendarPlan: ['taskIndex', 'title', 'startDate', 'endDate', 'expectedResult'],
  budget: ['category', 'item', 'quantity', 'unitCostKopecks'],
} as const satisfies { [K in 'team' | 'calendarPlan' | 'budget']: readonly (keyof NonNullable<DraftFields[K]>[number])[] };

/** Every top-level draft field a submit requires. */
export const REQUIRED_FIELDS: readonly (keyof DraftFields)[] = [
  ...REQUIRED_TEXTS, 'directionCode', ...REQUIRED_LISTS, 'startDate', 'endDate',
];

/** Whether a submit requires the field: `tasks`, or an entry's field as `calendarPlan.title` (any entry). */
export function isRequiredField(path: string): boolean {
  const [head, field] = path.split('.');
  if (field === undefined) return (REQUIRED_FIELDS as readonly string[]).includes(head);
  const fields = (REQUIRED_ITEM_FIELDS as Record<string, readonly string[]>)[head];
  return !!fields?.includes(field);
}

const filled = (s: unknown): boolean => typeof s === 'string' && s.trim().length > 0;
const absent = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim().length === 0);

/**
 * What is missing for a submit, with a path into the application: `required` for a field, `list-empty` for a list
 * with no entry, `item-empty` for a blank entry of a list of texts. The competition's own rules come on top (API).
 */
export function missingRequired(content: DraftFields): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (path: string, code: string) => issues.push({ path, code });
  // In the order of the form: the project card, then the sections.
  for (const field of REQUIRED_TEXTS) if (!filled(content[field])) add(field, 'required');
  if (!content.directionCode) add('directionCode', 'required');
  for (const field of ['tasks', 'targetGroups', 'geographyRegionCodes'] as const) {
    if (!content[field]?.length) add(field, 'list-empty');
    if (field !== 'geographyRegionCodes') (content[field] ?? []).forEach((s, i) => { if (!filled(s)) add(`${field}.${i}`, 'item-empty'); });
  }
  for (const field of ['startDate', 'endDate'] as const) if (!content[field]) add(field, 'required');
  for (const [list, fields] of Object.entries(REQUIRED_ITEM_FIELDS) as [keyof typeof REQUIRED_ITEM_FIELDS, readonly string[]][]) {
    const entries = content[list] ?? [];
    if (!entries.length) add(list, 'list-empty');
    entries.forEach((entry, i) => {
      for (const f of fields) if (absent((entry as Record<string, unknown>)[f])) add(`${list}.${i}.${f}`, 'required');
    });
  }
  return issues;
}
