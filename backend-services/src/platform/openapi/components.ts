import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import * as shared from '@wisp/shared';

export type JsonSchema = Record<string, unknown>;

/** Every schema `@wisp/shared` exports, by object, under its name without the `Z`. */
const sharedNames = new Map<unknown, string>(
  Object.entries(shared)
    .filter(([name, value]) => name.startsWith('Z') && value instanceof z.ZodType)
    .map(([name, schema]) => [schema, name.slice(1)]),
);

export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io }) as JsonSchema;
  return json;
}

/**
 * The document's `components.schemas`: each request or response schema a route declares, converted by
 * zod's own JSON Schema (2020-12, the dialect of OpenAPI 3.1). Requests are read as zod parses them
 * (`input`), responses as the server writes them (`output`); where the two differ (defaults,
 * coercions) the schema gets an `Input`/`Output` twin. Only shared schemas have names: a route that
 * declares anything else fails the build, so every operation's contract stays in `shared/src`.
 */
export class Components {
  readonly schemas: Record<string, JsonSchema> = {};

  ref(schema: z.ZodType, io: 'input' | 'output', usedBy: string): { $ref: string } {
    const base = sharedNames.get(schema);
    if (!base) throw new Error(`${usedBy}: its schema is not exported by @wisp/shared (declare it in shared/src)`);
    const json = toJsonSchema(schema, io);
    const name = [base, `${base}${io === 'input' ? 'Input' : 'Output'}`].find(
      (n) => this.schemas[n] === undefined || isDeepStrictEqual(this.schemas[n], json),
    )!;
    this.schemas[name] = json;
    return { $ref: `#/components/schemas/${name}` };
  }
}
