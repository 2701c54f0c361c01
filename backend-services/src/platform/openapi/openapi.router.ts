import type { Express, RequestHandler } from 'express';
import { buildOpenApi } from './openapi.ts';

/**
 * `GET /api/openapi.json`. Built on the first request, when every router is registered, and kept: the
 * routes of a running process do not change. Outside any tenant, like the health checks.
 */
export function openApiEndpoint(app: Express, version: string): RequestHandler {
  let document: ReturnType<typeof buildOpenApi> | undefined;
  return (_req, res) => {
    document ??= buildOpenApi(app, { version });
    res.setHeader('Cache-Control', 'no-cache');
    res.json(document);
  };
}
