import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from './app-error.ts';
import { CSRF_COOKIE } from '../auth/session-cookie.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Issues the double-submit token: a random cookie the portal's own pages echo in `X-CSRF-Token`. */
export function ensureCsrfToken(req: Request, res: Response): string {
  const existing = req.cookies?.[CSRF_COOKIE];
  if (typeof existing === 'string' && /^[\w-]{32,64}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  res.cookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: 'lax', secure: req.secure, path: '/' });
  return token;
}

/**
 * Every state-changing request needs the CSRF header matching the cookie (a cross-site page can send
 * the cookie but cannot read it), and a browser's Origin, when sent, must be this portal's own host.
 */
export const requireCsrf: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const origin = req.get('origin');
  if (origin) {
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      /* malformed origin: rejected below */
    }
    const host = req.get('x-forwarded-host') ?? req.get('host');
    if (originHost !== host)
      throw new AppError('CSRF_FAILED', 403, 'This request came from another site and was refused.');
  }
  const cookie = req.cookies?.[CSRF_COOKIE];
  const header = req.get('x-csrf-token');
  if (typeof cookie !== 'string' || !header || !safeEqual(cookie, header)) {
    throw new AppError('CSRF_FAILED', 403, 'Your form expired. Reload the page and try again.');
  }
  next();
};

function safeEqual(a: string, b: string) {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
