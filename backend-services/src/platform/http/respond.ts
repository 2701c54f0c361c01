import type { Response } from 'express';
import type { z } from 'zod';

/** Outside production every response is parsed with its shared schema, so contract drift fails tests loudly. */
const checkResponses = process.env.NODE_ENV !== 'production';

/** Sends a body typed by (and, in development and tests, parsed with) the operation's response schema. */
export function respond<S extends z.ZodType>(res: Response, schema: S, body: z.input<S>, status = 200): void {
  res.status(status).json(checkResponses ? schema.parse(body) : body);
}
