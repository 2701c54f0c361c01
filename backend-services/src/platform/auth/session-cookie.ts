import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'wisp_session';
export const CSRF_COOKIE = 'wisp_csrf';

/** Secure everywhere but plain-http development hosts; host-only, so one tenant's host never sees another's. */
function baseCookie(req: Request) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/' };
}

export function setSessionCookie(req: Request, res: Response, token: string, expires: Date) {
  res.cookie(SESSION_COOKIE, token, { ...baseCookie(req), expires });
}

export function clearSessionCookie(req: Request, res: Response) {
  res.clearCookie(SESSION_COOKIE, baseCookie(req));
}
