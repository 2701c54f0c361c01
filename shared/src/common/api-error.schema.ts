import { z } from 'zod';

/** The one error envelope every backend error is written in. `fields` maps a field path to its message. */
export const ZApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    /** Facts for recovering from the error, e.g. the newer messages of a 409 reply collision. */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type TApiError = z.infer<typeof ZApiError>;
