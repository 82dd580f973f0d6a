// Zod's issues in our words: a field issue `{ path, code, params }` by the codes of messages/fields.ts, so the
// API's answers and the SPA's own form checks say the same thing about the same field.
import type { Lang } from '../labels.js';
import type { FieldIssue } from '../common.js';
import { PATTERN_CODES } from '../patterns.js';
import { messageText, type MessageParams } from './index.js';

/** What a zod issue has to have: both a finished issue (`error.issues`) and the raw one an error map gets fit. */
export interface ZodIssueLike { readonly code?: string; readonly path?: readonly PropertyKey[]; readonly input?: unknown }

const FORMAT_CODES: Record<string, string> = {
  email: 'invalid-email', url: 'invalid-url', uuid: 'invalid-uuid', guid: 'invalid-uuid',
  date: 'invalid-date', datetime: 'invalid-datetime', time: 'invalid-time',
};

function valueAt(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

const issue = (path: string, code: string, params: MessageParams = {}): FieldIssue =>
  Object.keys(params).length ? { path, code, params } : { path, code };

/**
 * One zod issue as a field issue by code: too_small → too-small { minimum, type }, too_big → too-big { maximum, type }
 * (type `money` for a `…Kopecks` field, whose bound is kopecks), invalid_type → required when the value is absent,
 * else invalid-type { expected }; invalid_format → invalid-email / invalid-date / invalid-datetime / invalid-uuid /
 * invalid-url, or the named pattern's own code (competition-code-format, inn-format…); invalid_value → not-allowed
 * { values } (when at most 10); unrecognized_keys → unknown-field { keys }; custom → the code and params its refinement set
 * (`refine(fn, { params: { code: 'inn-checksum' } })`). The path is dotted (`budget.0.quantity`), '' for the root.
 *
 * `parsed` is the value that was parsed: a finished issue has lost its input, and an absent field (required) is told
 * from a wrong-typed one by looking it up. An error map's raw issue still carries it (see fieldErrorMap).
 */
export function fieldIssueOf(zodIssue: ZodIssueLike, parsed?: unknown): FieldIssue {
  const i = zodIssue as Readonly<Record<string, unknown>>;
  const segments = (zodIssue.path ?? []).map(String);
  const path = segments.join('.');
  switch (zodIssue.code) {
    case 'invalid_type': {
      const value = 'input' in zodIssue ? zodIssue.input : valueAt(parsed, segments);
      if (i.expected === 'nonoptional' || (value === undefined && ('input' in zodIssue || parsed !== undefined))) return issue(path, 'required');
      return issue(path, 'invalid-type', { expected: String(i.expected) });
    }
    case 'too_small':
    case 'too_big': {
      const bound = zodIssue.code === 'too_small' ? 'minimum' : 'maximum';
      const origin = i.origin === 'int' || i.origin === 'bigint' ? 'number' : String(i.origin);
      const money = origin === 'number' && /Kopecks$/.test(segments.at(-1) ?? '');
      return issue(path, zodIssue.code === 'too_small' ? 'too-small' : 'too-big', {
        [bound]: Number(i[bound]), type: money ? 'money' : origin,
        ...(i.inclusive === false ? { inclusive: false } : {}), ...(i.exact ? { exact: true } : {}),
      });
    }
    case 'invalid_format': {
      if (i.format === 'regex') return issue(path, PATTERN_CODES.get(String(i.pattern)) ?? 'invalid-format');
      const code = FORMAT_CODES[String(i.format)];
      return code ? issue(path, code) : issue(path, 'invalid-format', { format: String(i.format) });
    }
    case 'not_multiple_of': return issue(path, 'not-multiple-of', { divisor: Number(i.divisor) });
    case 'invalid_value': {
      // A short list is worth naming; a long one (89 regions) is what the form's list shows anyway.
      const values = (i.values as unknown[]).map(String);
      return issue(path, 'not-allowed', values.length <= 10 ? { values } : {});
    }
    case 'unrecognized_keys': return issue(path, 'unknown-field', { keys: i.keys as string[] });
    case 'custom': {
      const { code, ...params } = (i.params ?? {}) as MessageParams;
      return issue(path, typeof code === 'string' ? code : 'invalid', params);
    }
    default: return issue(path, 'invalid');
  }
}

/** Every issue of a zod error (`error.issues`) as field issues; `parsed` as for fieldIssueOf. */
export const fieldIssuesOf = (issues: readonly ZodIssueLike[], parsed?: unknown): FieldIssue[] => issues.map((i) => fieldIssueOf(i, parsed));

/** A field issue's sentence in a language; instants in the zone its params name (the competition's), else Moscow. */
export function fieldIssueText(f: FieldIssue, lang: Lang): string {
  return messageText(f.code, f.params, { lang, timezone: typeof f.params?.timezone === 'string' ? f.params.timezone : undefined });
}

/**
 * A zod error map that words every issue as the API does, for a form's own checks:
 * `zodResolver(schema, { error: fieldErrorMap('ru') })`, or `schema.safeParse(value, { error: fieldErrorMap(lang) })`.
 */
export const fieldErrorMap = (lang: Lang) => (raw: ZodIssueLike): string => fieldIssueText(fieldIssueOf(raw), lang);
