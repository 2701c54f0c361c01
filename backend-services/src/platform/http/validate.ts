import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { AppError } from './app-error.ts';

export type Part = 'body' | 'query' | 'params';
/** What `validate` leaves on its middleware, so the OpenAPI document knows each route's input. */
export type RequestMarker = RequestHandler & { requestPart: { part: Part; schema: z.ZodType } };

/** Turns zod issues into `{ "field.path": "message" }`, the shape the portal shows beside each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw AppError.validation(fieldErrors(result.error));
  return result.data;
}

/**
 * Parses one part of the request with a shared schema and stores the result in `res.locals[part]`,
 * so handlers read typed, validated input and never the raw request.
 */
export function validate<T extends z.ZodType>(part: Part, schema: T): RequestMarker {
  const handler: RequestHandler = (req, res, next) => {
    res.locals[part] = parseOrThrow(schema, req[part]);
    next();
  };
  return Object.assign(handler, { requestPart: { part, schema } });
}
