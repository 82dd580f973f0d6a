// fast-check arbitraries built from the JSON schemas of the OpenAPI document: bodies that are valid or
// nearly so (to reach the handlers), the same with one part broken, and plain junk (to test the edges).
import fc from 'fast-check';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
}

/** Values worth trying for a field, by its name (real ids, known e-mails): they let a body get past the lookups. */
export type Hints = (key: string) => readonly unknown[];

const MIN_INSTANT = new Date('2020-01-01T00:00:00Z');
const MAX_INSTANT = new Date('2035-12-31T23:59:59Z');

/** Strings that have broken real systems: control characters, NUL, lone surrogates, markup, paths, SQL. */
export const NASTY_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\u202e', '\ufeff', '𝕏🙂', 'ё'.repeat(3), '<script>alert(1)</script>',
  "'; DROP TABLE users; --", '../../etc/passwd', '%00', '\\', '"', '{}', 'null', 'NaN', '1e999', '-0', '   padded   ',
  '2027-02-30', '2027-13-01T00:00:00Z', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

const hugeString = fc.constantFrom('x'.repeat(100_001), 'я'.repeat(30_000), '9'.repeat(5_000), '🙂'.repeat(10_000));

/** Any JSON value of a wrong kind, nested garbage included. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, -0.000001, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 63, [], {}), weight: 4 },
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 3000 }).map(deepNest), weight: 1 },
  { arbitrary: fc.array(fc.jsonValue({ maxDepth: 1 }), { minLength: 500, maxLength: 2000 }), weight: 1 },
);

function deepNest(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

const COMPONENT = '#/components/schemas/';

/**
 * The schema with every `$ref` to a component replaced by the component itself, so the generators below see
 * the whole shape (a schema that refers back to itself ends in an empty schema, which takes any value).
 */
export function dereference(schema: JsonSchema | undefined, components: Record<string, JsonSchema>, seen: readonly string[] = []): JsonSchema | undefined {
  const walk = (value: unknown, within: readonly string[]): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, within));
    if (!value || typeof value !== 'object') return value;
    const { $ref, ...rest } = value as JsonSchema;
    const own = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, walk(v, within)]));
    if (typeof $ref !== 'string') return own;
    const name = $ref.startsWith(COMPONENT) ? $ref.slice(COMPONENT.length) : $ref;
    if (!components[name]) throw new Error(`${$ref} is not a component of the document`);
    return within.includes(name) ? own : { ...(walk(components[name], [...within, name]) as JsonSchema), ...own };
  };
  return walk(schema, seen) as JsonSchema | undefined;
}

/** OpenAPI 3.1 says "or null" with a `null` branch or type; taken apart, it weighs as 3.0's `nullable` did. */
function splitNull(s: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const isNull = (a: JsonSchema) => a.type === 'null';
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.some(isNull) && alternatives.length > 1) {
    const rest = alternatives.filter((a) => !isNull(a));
    const { anyOf: _any, oneOf: _one, ...others } = s;
    return { schema: rest.length === 1 ? { ...others, ...rest[0] } : { ...others, anyOf: rest }, nullable: true };
  }
  if (Array.isArray(s.type) && s.type.includes('null') && s.type.length > 1) {
    const types = s.type.filter((t) => t !== 'null');
    return { schema: { ...s, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  return { schema: s, nullable: Boolean(s.nullable) };
}

/** A value for the schema: valid most of the time, or close to it (e.g. a pattern the generator cannot follow). */
export function validish(schema: JsonSchema | undefined, hints: Hints, key = ''): fc.Arbitrary<unknown> {
  if (!schema || Object.keys(schema).length === 0) return fc.jsonValue({ maxDepth: 2 });
  const { schema: s, nullable } = splitNull(schema);
  const base = validBase(s, hints, key);
  const hinted = hints(key);
  const withHints = hinted.length ? fc.oneof({ arbitrary: fc.constantFrom(...hinted), weight: 3 }, { arbitrary: base, weight: 2 }) : base;
  return nullable ? fc.oneof({ arbitrary: fc.constant(null), weight: 1 }, { arbitrary: withHints, weight: 6 }) : withHints;
}

function validBase(s: JsonSchema, hints: Hints, key: string): fc.Arbitrary<unknown> {
  if ('const' in s) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => validish(a, hints, key)));
  if (s.allOf?.length) return validish(Object.assign({}, ...s.allOf), hints, key);
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => validish({ ...s, type }, hints, key)));
  const type = s.type ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
  switch (type) {
    case 'null': return fc.constant(null);
    case 'boolean': return fc.boolean();
    case 'integer': return integerIn(s);
    case 'number': return fc.oneof(integerIn(s), fc.double({ min: lowest(s) ?? -1e9, max: highest(s) ?? 1e9, noNaN: true, noDefaultInfinity: true }));
    case 'string': return stringFor(s);
    case 'array': {
      const itemKey = key.replace(/s$/, '');
      return fc.array(validish(s.items, hints, itemKey), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 5, 5)) });
    }
    case 'object': {
      const props = s.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validish(v, hints, k)]));
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}

// A bound a value may not reach (OpenAPI 3.1 writes it as a number) is tried too: the edge is where rules bite.
const lowest = (s: JsonSchema) => s.minimum ?? (typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : undefined);
const highest = (s: JsonSchema) => s.maximum ?? (typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : undefined);

function integerIn(s: JsonSchema): fc.Arbitrary<number> {
  const min = Math.max(lowest(s) ?? -1_000_000, Number.MIN_SAFE_INTEGER);
  const max = Math.min(highest(s) ?? 1_000_000_000, Number.MAX_SAFE_INTEGER);
  // Small values near the minimum are where most rules bite; the whole range finds overflow.
  return fc.oneof(fc.integer({ min, max: Math.min(max, min + 1000) }), fc.integer({ min, max }));
}

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  const instant = fc.date({ min: MIN_INSTANT, max: MAX_INSTANT, noInvalidDate: true });
  switch (s.format) {
    case 'uuid': return fc.uuid();
    case 'date-time': return fc.oneof(instant.map((d) => d.toISOString()), instant.map((d) => d.toISOString().replace('Z', '+03:00')));
    case 'date': return instant.map((d) => d.toISOString().slice(0, 10));
    case 'email': return fc.emailAddress().filter((e) => e.length <= (s.maxLength ?? 254));
  }
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 60, 60));
  if (s.pattern) {
    try {
      const re = new RegExp(s.pattern, 'u');
      return fc.stringMatching(re).map((x) => (x.length > (s.maxLength ?? Infinity) ? x.slice(0, s.maxLength) : x));
    } catch { /* a pattern JavaScript cannot compile: fall through to plain text */ }
  }
  return fc.oneof(fc.string({ minLength, maxLength }), fc.string({ unit: 'grapheme', minLength, maxLength }));
}

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length) out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

/** A valid-ish value with one part broken: replaced by junk, removed, or joined by an unknown field. */
export function brokenOnce(schema: JsonSchema | undefined, hints: Hints): fc.Arbitrary<unknown> {
  return fc.tuple(validish(schema, hints), fc.nat(), junkValue, fc.constantFrom('replace', 'remove', 'extra')).map(([value, n, junk, how]) => {
    const paths = pathsOf(value);
    if (!paths.length || !value || typeof value !== 'object') return how === 'extra' ? { unexpected: junk } : junk;
    const copy = structuredClone(value) as Record<string | number, unknown>;
    const path = paths[n % paths.length];
    let parent: any = copy;
    for (const p of path.slice(0, -1)) parent = parent[p];
    const last = path[path.length - 1];
    if (how === 'replace') parent[last] = junk;
    else if (how === 'remove') Array.isArray(parent) ? parent.splice(last as number, 1) : delete parent[last];
    else if (parent && typeof parent === 'object' && !Array.isArray(parent)) parent[`x${n % 97}`] = junk;
    else parent[last] = { extra: junk };
    return copy;
  });
}

/** What goes on the wire: a JSON value, or raw text that is not JSON or not of the type announced. */
export type WireBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string | null };

const NOT_JSON = ['', '{', '{"a":', '{"a":1}}', '[1,2', 'nul', 'undefined', "{'a':1}", '{"a":NaN}', '\u0000', '\ufeff{}', '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}}}', '1'.repeat(400), '"' + 'x'.repeat(2000)];

export const rawBody: fc.Arbitrary<WireBody> = fc.record({
  text: fc.oneof(fc.constantFrom(...NOT_JSON), fc.string({ maxLength: 200 }), fc.jsonValue().map((v) => JSON.stringify(v) ?? '')),
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded',
    'application/xml', 'application/json; charset=latin1', null),
}).map((r) => ({ kind: 'raw' as const, ...r }));

/** The mix sent to a write endpoint: mostly valid-ish, then broken, junk, and not JSON at all. */
export function bodyFor(schema: JsonSchema | undefined, hints: Hints): fc.Arbitrary<WireBody> {
  const json = (a: fc.Arbitrary<unknown>) => a.map((value) => ({ kind: 'json' as const, value }));
  return fc.oneof(
    { arbitrary: json(validish(schema, hints)), weight: 4 },
    { arbitrary: json(brokenOnce(schema, hints)), weight: 4 },
    { arbitrary: json(junkValue), weight: 1 },
    { arbitrary: rawBody, weight: 1 },
  );
}
