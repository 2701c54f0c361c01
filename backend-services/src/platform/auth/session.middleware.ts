import type { RequestHandler } from 'express';
import { findLiveSession, type SessionPolicy } from './session.service.ts';
import { clearSessionCookie, SESSION_COOKIE } from './session-cookie.ts';

/**
 * Turns the session cookie into `req.actor`. Runs after tenant resolution: a session is only valid on
 * the tenant it was started for. An expired session is remembered on `res.locals.sessionExpired` so the
 * access layer can answer SESSION_EXPIRED instead of a bare 401.
 */
export function loadSession(policy: SessionPolicy): RequestHandler {
  return async (req, res, next) => {
    const token = req.cookies?.[SESSION_COOKIE];
    if (typeof token !== 'string' || token.length < 20 || token.length > 100) return next();
    const found = await findLiveSession(token, String(req.tenant._id), policy);
    if (found && 'actor' in found) req.actor = found.actor;
    else {
      if (found?.expired) res.locals.sessionExpired = true;
      clearSessionCookie(req, res);
    }
    next();
  };
}
