// Named component schemas: every zod schema @konkurs/shared exports is registered under its export name
// (PascalCase), so a route that uses it, at any depth, refers to one component instead of an inlined copy.
// Walking the module means a schema added to shared later is named without anyone remembering to.
import * as shared from '@konkurs/shared';
import { $ZodType, globalRegistry } from 'zod/v4/core';
import type { Document, SchemaObject } from './openapi.js';

// fastify-type-provider-zod emits each registered schema twice, as `<id>Input` (what a request may send) and
// `<id>` (what a response holds), and refuses an id that equals another's `<id>Input` — which `criterionInput`
// beside `criterion` would be. A marker ending every registered id keeps the two families apart until
// `tidyComponents` gives the final names.
const MARK = '__';
const INPUT = 'Input';

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The id a shared schema is registered under, or undefined when it is not one (a derived or a route's own schema). */
export function registeredId(schema: unknown): string | undefined {
  return schema instanceof $ZodType ? globalRegistry.get(schema)?.id : undefined;
}

/** The component an operation's request body refers to when its schema is the shared one. */
export const inputComponentOf = (schema: unknown) => {
  const id = registeredId(schema);
  return id ? `${id}${INPUT}` : undefined;
};

/**
 * Registers the shared schemas in zod's global registry, where fastify-type-provider-zod looks for ids (and
 * where `.describe()` keeps its text). A schema exported under two names keeps the first; running again
 * (several apps in one process) changes nothing.
 */
export function nameSharedSchemas(): void {
  for (const [exportName, value] of Object.entries(shared)) {
    if (!(value instanceof $ZodType) || registeredId(value)) continue;
    globalRegistry.add(value, { ...globalRegistry.get(value), id: `${pascal(exportName)}${MARK}` });
  }
}

/** Parameters are listed one by one in an operation, so their object stays inline (its fields may still refer to components). */
export function unnamed<T>(schema: T): T {
  if (!registeredId(schema)) return schema;
  const s = schema as $ZodType;
  return new (s._zod.constr as new (def: unknown) => T)(s._zod.def);
}

const REF = '#/components/schemas/';

function parse(name: string): { base: string; input: boolean } | null {
  if (name.endsWith(MARK + INPUT)) return { base: name.slice(0, -(MARK + INPUT).length), input: true };
  if (name.endsWith(MARK)) return { base: name.slice(0, -MARK.length), input: false };
  return null;
}

/** Every component schema a value refers to. */
function refsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(REF)) out.add(v.slice(REF.length));
      else refsIn(v, out);
    }
  }
  return out;
}

function renameRefs<T>(value: T, rename: (name: string) => string): T {
  return JSON.parse(JSON.stringify(value), (k, v) =>
    k === '$ref' && typeof v === 'string' && v.startsWith(REF) ? REF + rename(v.slice(REF.length)) : v) as T;
}

/**
 * Keeps only the components the paths reach, under their final names: `X` for a response's schema, and for a
 * request's `X` too when no response uses `X` or both read the same (no default or transform tells them
 * apart), `XInput` otherwise.
 */
export function tidyComponents(doc: Document): Document {
  const schemas = doc.components?.schemas ?? {};
  const reachable = new Set<string>();
  const visit = (names: Iterable<string>) => {
    for (const name of names) {
      if (reachable.has(name) || !schemas[name]) continue;
      reachable.add(name);
      visit(refsIn(schemas[name]));
    }
  };
  visit(refsIn(doc.paths));

  const outputOf = (name: string) => `${parse(name)!.base}${MARK}`;
  // Input variants that take the plain name. Two variants read the same only if the ones they refer to
  // merge as well, so candidates are dropped until none changes.
  const merged = new Set([...reachable].filter((n) => parse(n)?.input));
  const finalName = (name: string) => {
    const p = parse(name);
    return !p ? name : p.input && !merged.has(name) ? `${p.base}${INPUT}` : p.base;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const name of merged) {
      const output = outputOf(name);
      if (reachable.has(output) && JSON.stringify(renameRefs(schemas[name], finalName)) !== JSON.stringify(renameRefs(schemas[output], finalName))) {
        merged.delete(name);
        changed = true;
      }
    }
  }

  const kept: Record<string, SchemaObject> = {};
  const from: Record<string, string> = {};
  for (const name of [...reachable].sort()) {
    if (merged.has(name) && reachable.has(outputOf(name))) continue; // the response's twin stands for it
    const final = finalName(name);
    if (from[final]) throw new Error(`Two shared schemas would both be the component ${final} (${from[final]}, ${name}): rename one export`);
    from[final] = name;
    kept[final] = renameRefs(schemas[name], finalName);
  }
  const ordered = Object.fromEntries(Object.entries(kept).sort(([a], [b]) => a.localeCompare(b)));
  return { ...doc, paths: renameRefs(doc.paths, finalName), components: { ...doc.components, schemas: ordered } };
}
