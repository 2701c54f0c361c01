import { z } from 'zod';

/** The one error envelope every backend error is written in. `fields` maps a field path to its message. */
export const ZApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type TApiError = z.infer<typeof ZApiError>;

/** Error codes the backend uses; the portal maps them to translated messages. */
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'TENANT_NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CSRF_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_FILE',
  'INTERNAL',
] as const;
export type TApiErrorCode = (typeof API_ERROR_CODES)[number];
