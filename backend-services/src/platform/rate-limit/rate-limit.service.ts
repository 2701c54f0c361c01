import { createHash } from 'node:crypto';
import { AppError } from '../http/app-error.ts';
import { RateLimitHitModel } from './rate-limit.model.ts';

/** At most `limit` counted attempts per `windowMs` under `key` (e.g. `login:id:<tenant>:<email>`). */
export type RateLimitRule = { key: string; limit: number; windowMs: number };

const MINUTE = 60_000;
/** The longest window any rule uses; the sweep keeps this much history. */
export const LONGEST_WINDOW_MS = 60 * MINUTE;

/** The limits of the sign-in doors, named for what they protect. */
export const LIMITS = {
  loginPerIdentifier: { limit: 5, windowMs: 15 * MINUTE },
  loginPerIp: { limit: 20, windowMs: 15 * MINUTE },
  signupPerCustomer: { limit: 5, windowMs: 60 * MINUTE },
  signupPerIp: { limit: 10, windowMs: 60 * MINUTE },
  resetPerIdentifier: { limit: 3, windowMs: 60 * MINUTE },
  resetPerIp: { limit: 10, windowMs: 60 * MINUTE },
  linkPerIp: { limit: 10, windowMs: 15 * MINUTE },
} as const;

/** A rule whose key never stores the identifier itself (an email or phone) in the clear. */
export function rule(name: keyof typeof LIMITS, ...parts: string[]): RateLimitRule {
  const subject = createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);
  return { key: `${name}:${subject}`, ...LIMITS[name] };
}

/**
 * Refuses with 429 RATE_LIMITED (and `Retry-After` in seconds) when any rule is already at its limit.
 * Call before doing the work; call `recordAttempt` for the attempts that count.
 */
export async function enforceRateLimit(rules: RateLimitRule[], now = new Date()): Promise<void> {
  let retryAfterMs = 0;
  for (const r of rules) {
    const hits = await RateLimitHitModel.find({ key: r.key, at: { $gt: new Date(now.getTime() - r.windowMs) } })
      .sort({ at: 1 })
      .select('at')
      .lean();
    if (hits.length < r.limit) continue;
    // The attempt that must leave the window before one more is allowed.
    const freeing = hits[hits.length - r.limit]!.at.getTime() + r.windowMs - now.getTime();
    retryAfterMs = Math.max(retryAfterMs, freeing);
  }
  if (retryAfterMs > 0) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    const minutes = Math.ceil(seconds / 60);
    throw new AppError(
      'RATE_LIMITED',
      429,
      `Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
      undefined,
      { 'Retry-After': String(seconds) },
    );
  }
}

export async function recordAttempt(rules: RateLimitRule[], now = new Date()): Promise<void> {
  await RateLimitHitModel.insertMany(rules.map((r) => ({ key: r.key, at: now })));
}

/** Deletes attempts older than every window. */
export async function pruneRateLimitHits(now = new Date()): Promise<number> {
  const result = await RateLimitHitModel.deleteMany({ at: { $lt: new Date(now.getTime() - LONGEST_WINDOW_MS) } });
  return result.deletedCount ?? 0;
}

/** Runs the sweep every few minutes in each backend process (duplicated sweeps are harmless). */
export function startRateLimitSweeper(onError: (err: unknown) => void, everyMs = 5 * MINUTE): () => void {
  const timer = setInterval(() => void pruneRateLimitHits().catch(onError), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
