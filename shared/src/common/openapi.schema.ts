import { z } from 'zod';

/**
 * `GET /api/openapi.json`, as far as this API promises it: an OpenAPI 3.1 document. Its full structure
 * is checked by an OpenAPI validator in the backend's tests, not repeated here.
 */
export const ZOpenApiDocument = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.record(z.string(), z.unknown()),
});
