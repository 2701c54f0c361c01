import { z } from 'zod';
import { UPLOAD_LIMITS } from '@wisp/shared/constants';

/**
 * Every setting comes from the environment and is parsed once, at start-up. A wrong or missing value
 * stops the process with one line naming the variable, before anything listens or connects.
 */
const ZConfig = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  MONGODB_URI: z
    .string({ error: 'is required (e.g. mongodb://127.0.0.1:27018/wisp_portal)' })
    .regex(/^mongodb(\+srv)?:\/\/[^/]+\/[^/?]+/, 'must be a mongodb:// URI that names a database'),
  FIREBASE_PROJECT_ID: z.string().min(1, 'is required'),
  /** Set in development and tests; unset in production, where firebase-admin uses real credentials. */
  FIREBASE_AUTH_EMULATOR_HOST: z
    .string()
    .regex(/^[\w.-]+:\d+$/, 'must be host:port')
    .optional(),
  /** Used only for the Identity Toolkit password check; any value works against the emulator. */
  FIREBASE_WEB_API_KEY: z.string().min(1).default('emulator-key'),
  /** Portal hosts are `<tenant>.<PLATFORM_DOMAIN>`; `localhost` in development (Chromium resolves *.localhost). */
  PLATFORM_DOMAIN: z.string().min(1).default('localhost'),
  /** The public origin scheme and port for links in emails, e.g. `http://{tenant}.localhost:5173`. */
  PORTAL_URL_TEMPLATE: z
    .string()
    .regex(/\{tenant\}/, 'must contain {tenant}')
    .default('http://{tenant}.localhost:5173'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be smtp:// or smtps://')
    .default('smtp://127.0.0.1:2525'),
  MAIL_FROM: z.string().default('WISP Portal <no-reply@wisp-portal.localhost>'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  UPLOAD_DIR: z.string().default('.data/uploads'),
  UPLOAD_MAX_FILE_MB: z.coerce.number().positive().max(100).default(UPLOAD_LIMITS.maxFileMb),
  UPLOAD_MAX_FILES: z.coerce.number().int().min(1).max(20).default(UPLOAD_LIMITS.maxFiles),
  /** Comment line sent on open ticket event streams so proxies keep them; also when the session is re-checked. */
  TICKET_EVENTS_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(25),
  /** Custom domains: the DNS server "check now" asks (host or host:port); unset = the system's resolvers. */
  DNS_SERVER: z
    .string()
    .regex(/^[\w.:-]+$/, 'must be a host or host:port')
    .optional(),
  /** The host a tenant's custom domain must be a CNAME of; default `portal.<PLATFORM_DOMAIN>`. */
  CUSTOM_DOMAIN_TARGET: z.string().min(1).optional(),
  /** Set when several backend processes run: live updates and presence travel through Redis pub/sub. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be redis:// or rediss://')
    .optional(),
  /** Lets a scraper outside the private network read /api/metrics with `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** How long a stopping process waits for requests in flight and outbox sends before it exits anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(120).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type TConfig = z.infer<typeof ZConfig>;

export class ConfigError extends Error {}

export function parseConfig(env: NodeJS.ProcessEnv): TConfig {
  const result = ZConfig.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}
