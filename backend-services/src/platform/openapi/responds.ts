import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { ZApiError } from '@wisp/shared';

/** A body that is not plain `application/json`: nothing (204), events, a file, text, or JSON of its own type. */
export type NonJsonBody = {
  contentType: string | null;
  /** For `text/event-stream`: the schema of each event's `data`; for a `…+json` type, of the body. */
  schema?: z.ZodType;
  binary?: true;
};
export type DeclaredBody = z.ZodType | NonJsonBody;
/** What a route answers on success, by status; errors are the one envelope (`ZApiError`) unless declared. */
export type ResponseDeclaration = Readonly<Record<number, DeclaredBody>>;

export const NO_CONTENT: NonJsonBody = { contentType: null };
export const eventStream = (event: z.ZodType): NonJsonBody => ({ contentType: 'text/event-stream', schema: event });
export const fileDownload = (contentType = 'application/octet-stream'): NonJsonBody => ({ contentType, binary: true });
export const plainText = (contentType: string): NonJsonBody => ({ contentType });
/** JSON under a media type of its own, e.g. `application/manifest+json`. */
export const jsonAs = (contentType: `${string}+json`, schema: z.ZodType): NonJsonBody => ({ contentType, schema });

export const isJsonBody = (body: DeclaredBody): body is z.ZodType => body instanceof z.ZodType;

export type ResponseMarker = RequestHandler & { routeResponses: ResponseDeclaration };

/*
 * While the tests run (NODE_ENV=test) every JSON answer of a route is parsed with what the route
 * declares, so a view that drifts from its shared schema fails the test that met it: it answers 500
 * RESPONSE_SCHEMA, and the test harness fails the file at its end. Elsewhere nothing is checked here:
 * development serves the benchmarks, whose figures should not carry a test-only cost.
 */
const checking = process.env.NODE_ENV === 'test';

export type ResponseMismatch = { route: string; status: number; problem: string };
const seen = { checked: 0, mismatches: [] as ResponseMismatch[] };

/** What this process checked since the last call (the API test harness reports it and fails on any mismatch). */
export function takeResponseChecks(): { checked: number; mismatches: ResponseMismatch[] } {
  const taken = { checked: seen.checked, mismatches: seen.mismatches };
  seen.checked = 0;
  seen.mismatches = [];
  return taken;
}

const routeOf = (req: Request) =>
  `${req.method} ${req.baseUrl}${(req.route as { path?: string } | undefined)?.path ?? ''}`;

/**
 * Fields the client would receive that the schema does not name. Zod drops unknown keys when it parses,
 * so they are found by comparing the body with what the parse kept: a view that leaks a field fails.
 */
function unknownFields(sent: unknown, kept: unknown, at: string): string[] {
  if (Array.isArray(sent) && Array.isArray(kept))
    return sent.flatMap((item, i) => unknownFields(item, kept[i], `${at}[${i}]`));
  if (!sent || !kept || typeof sent !== 'object' || typeof kept !== 'object') return [];
  return Object.entries(sent).flatMap(([key, value]) =>
    key in kept ? unknownFields(value, (kept as Record<string, unknown>)[key], `${at}.${key}`) : [`${at}.${key}`],
  );
}

function mismatchOf(schema: z.ZodType, body: unknown): string | null {
  // What the client receives: dates and ids as JSON writes them.
  const sent: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
  const parsed = schema.safeParse(sent);
  if (!parsed.success) return z.prettifyError(parsed.error);
  const extra = unknownFields(sent, parsed.data, '$');
  return extra.length ? `fields the schema does not name: ${extra.join(', ')}` : null;
}

function problemWith(declaration: ResponseDeclaration, status: number, body: unknown): string | null {
  const declared = declaration[status];
  if (declared === undefined) {
    if (status < 400) return `status ${status} is not declared`;
    const problem = mismatchOf(ZApiError, body);
    return problem && `not the error envelope: ${problem}`;
  }
  if (isJsonBody(declared)) return mismatchOf(declared, body);
  if (declared.schema && declared.contentType?.endsWith('+json')) return mismatchOf(declared.schema, body);
  return `declared as ${declared.contentType ?? 'no content'}, sent JSON`;
}

/**
 * The route's response declaration, read by the OpenAPI document (as `allow` is by the access walk)
 * and, outside production, checked against every JSON answer the route sends.
 */
export function responds(declaration: ResponseDeclaration): ResponseMarker {
  const check: RequestHandler = (req, res, next) => {
    if (checking) watchJson(req, res, declaration);
    next();
  };
  return Object.assign(check, { routeResponses: declaration });
}

function watchJson(req: Request, res: Response, declaration: ResponseDeclaration) {
  const send = res.json.bind(res);
  res.json = (body: unknown) => {
    seen.checked += 1;
    const problem = problemWith(declaration, res.statusCode, body);
    if (!problem) return send(body);
    const mismatch = { route: routeOf(req), status: res.statusCode, problem };
    seen.mismatches.push(mismatch);
    res.status(500);
    return send({
      error: {
        code: 'RESPONSE_SCHEMA',
        message: `${mismatch.route} answered ${mismatch.status} with a body its declaration refuses: ${problem}`,
      },
    });
  };
}
