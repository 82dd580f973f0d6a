// The parts of an OpenAPI 3.1 document the docs plugin reads and writes (openapi-types is not a dependency of ours).
export type SchemaObject = Record<string, unknown>;
export interface MediaType { schema?: SchemaObject; example?: unknown; examples?: Record<string, { summary?: string; value: unknown }> }
export interface Response { description: string; content?: Record<string, MediaType>; headers?: Record<string, unknown> }
export interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: unknown[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, Response>;
}
export interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, SchemaObject>; [part: string]: unknown };
  [field: string]: unknown;
}

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Every operation of the document, with where it is. */
export function* operations(doc: Document): Generator<{ path: string; method: string; operation: Operation }> {
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) if (item[method]) yield { path, method, operation: item[method] };
  }
}
