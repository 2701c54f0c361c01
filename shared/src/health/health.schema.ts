import { z } from 'zod';

const ZCheck = z.enum(['ok', 'unreachable']);

/** `GET /api/health` (200 or 503): database and auth, as existing probes read it. */
export const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.object({ database: ZCheck, auth: ZCheck }),
  version: z.string(),
});
export type THealth = z.infer<typeof ZHealth>;

/** `GET /api/health/live`: the process runs. */
export const ZLiveness = z.object({ status: z.literal('ok'), version: z.string() });

/** `GET /api/health/ready` (200 or 503): whether this process can serve; `redis` only when configured. */
export const ZReadiness = z.object({
  status: z.enum(['ready', 'unavailable']),
  checks: z.object({ database: ZCheck, redis: ZCheck.optional(), process: z.literal('draining').optional() }),
  version: z.string(),
});
export type TReadiness = z.infer<typeof ZReadiness>;
