import { createHash } from 'node:crypto';
import type { Types } from 'mongoose';
import { AppError } from '../http/app-error.ts';
import { RateLimitHitModel } from './rate-limit.model.ts';
import { countRateLimitRefusal } from '../metrics/metrics.ts';

const MINUTE = 60_000;
/** The longest window any rule uses; the sweep keeps this much history. */
export const LONGEST_WINDOW_MS = 60 * MINUTE;

/**
 * The limits of the sign-in doors, named for what they protect. Per-IP rules are counted per tenant
 * too: one busy network (or one proxy address) on one portal never locks out another tenant.
 */
export const LIMITS = {
  loginPerIdentifier: { limit: 5, windowMs: 15 * MINUTE },
  loginPerIp: { limit: 20, windowMs: 15 * MINUTE },
  signupPerCustomer: { limit: 5, windowMs: 60 * MINUTE },
  signupPerIp: { limit: 10, windowMs: 60 * MINUTE },
  resetPerIdentifier: { limit: 3, windowMs: 60 * MINUTE },
  resetPerIp: { limit: 10, windowMs: 60 * MINUTE },
  linkPerIp: { limit: 10, windowMs: 15 * MINUTE },
} as const;
export type RuleName = keyof typeof LIMITS;

/** At most `limit` counted attempts per `windowMs` under `key` (e.g. one identifier on one tenant). */
export type RateLimitRule = { name: RuleName; key: string; limit: number; windowMs: number };

export const TOO_MANY_ATTEMPTS = 'Too many attempts.';
/** For per-IP limits: the person asking is most likely not the one who made the attempts. */
export const TOO_MANY_FROM_NETWORK = 'Too many sign-in attempts from this network.';

/** A rule whose key never stores the identifier itself (an email or phone) in the clear. */
export function rule(name: RuleName, ...parts: string[]): RateLimitRule {
  const subject = createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);
  return { name, key: `${name}:${subject}`, ...LIMITS[name] };
}

/**
 * One attempt, already written down. Each rule it is beyond the limit of carries the wait until one
 * more attempt would be allowed.
 */
export class Attempt {
  constructor(
    private readonly rowIds: Types.ObjectId[],
    private readonly over: Map<RuleName, number>,
  ) {}

  isOver(...names: RuleName[]): boolean {
    return names.some((n) => this.over.has(n));
  }

  /** 429 RATE_LIMITED with `Retry-After`, for the longest wait among the named rules this attempt is over. */
  tooMany(names: RuleName[], message = TOO_MANY_ATTEMPTS): AppError {
    countRateLimitRefusal(names.filter((n) => this.over.has(n)));
    const waitMs = Math.max(0, ...names.map((n) => this.over.get(n) ?? 0));
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    const minutes = Math.ceil(seconds / 60);
    return new AppError(
      'RATE_LIMITED',
      429,
      `${message} Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
      undefined,
      { 'Retry-After': String(seconds) },
    );
  }

  /** Refused attempts do not count (so being refused never extends the wait); throws the 429. */
  async refuseIfOver(names: RuleName[], message?: string): Promise<void> {
    if (!this.isOver(...names)) return;
    await this.forget();
    throw this.tooMany(names, message);
  }

  /** Removes this attempt's rows, e.g. after a successful sign-in. */
  async forget(): Promise<void> {
    await RateLimitHitModel.deleteMany({ _id: { $in: this.rowIds } });
  }
}

/**
 * Records the attempt FIRST (one inserted row per rule: an insert is atomic even on FerretDB), then
 * counts every row of the window, its own included. Of several attempts at once, whichever counts
 * last sees all the others, so no more than `limit` get through in any order and in any number of
 * backend processes. (Deciding by position among rows ordered by `at` lets through rows that arrive
 * late with an earlier `at`: 7 of 20 parallel attempts, measured.)
 */
export async function countAttempt(rules: RateLimitRule[], now = new Date()): Promise<Attempt> {
  const rows = await RateLimitHitModel.insertMany(rules.map((r) => ({ key: r.key, at: now })));
  const over = new Map<RuleName, number>();
  for (const [i, r] of rules.entries()) {
    const mine = rows[i]!._id;
    const others = (
      await RateLimitHitModel.find({ key: r.key, at: { $gt: new Date(now.getTime() - r.windowMs) } })
        .sort({ at: 1, _id: 1 })
        .select('at')
        .lean()
    ).filter((h) => !h._id.equals(mine));
    if (others.length < r.limit) continue;
    // The earlier attempt that must leave the window before one more is allowed.
    const freeing = others[others.length - r.limit]!.at.getTime() + r.windowMs - now.getTime();
    over.set(r.name, Math.max(over.get(r.name) ?? 0, freeing));
  }
  return new Attempt(
    rows.map((r) => r._id),
    over,
  );
}
