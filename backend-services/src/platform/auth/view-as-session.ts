import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { CustomerActor, StaffActor, ViewAsOrigin } from './actor.ts';
import { hashToken } from './session.service.ts';
import { SessionModel } from './session.model.ts';

/**
 * "View as this customer": a row in the sessions collection (kind customer, marked `viewAs`, naming
 * the staff session that opened it) behind its own cookie. The staff session cookie is untouched, so
 * staff stay signed in; the view is honoured only while that very staff session is live, and only on
 * the requests the web forwards the cookie with (portal pages and portal API calls).
 */
export const VIEW_AS_COOKIE = 'wisp_view_as';
export const VIEW_AS_MINUTES = 60;

const cookieOptions = (req: Request) => ({ httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/' });

export type ViewAsSubject = { tenantId: string; customerId: string; customerName: string; staff: StaffActor };

/** The view's row; the router sets its cookie (`setViewAsCookie`). */
export async function createViewAs(
  subject: ViewAsSubject,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + VIEW_AS_MINUTES * 60_000);
  // One view per staff session: opening another replaces it.
  await endViewsOf(subject.tenantId, subject.staff.sessionId);
  const viewAs: ViewAsOrigin = {
    staffUid: subject.staff.uid,
    staffEmail: subject.staff.email,
    staffRole: subject.staff.role,
    staffSessionId: subject.staff.sessionId,
    customerName: subject.customerName,
  };
  await SessionModel.create({
    _id: hashToken(token),
    tenantId: subject.tenantId,
    actorKind: 'customer',
    uid: `view-as:${subject.staff.uid}`,
    customerId: subject.customerId,
    createdAt: now,
    lastSeenAt: now,
    absoluteExpiresAt: expiresAt,
    viewAs,
  });
  return { token, expiresAt };
}

export function setViewAsCookie(req: Request, res: Response, token: string, expires: Date) {
  res.cookie(VIEW_AS_COOKIE, token, { ...cookieOptions(req), expires });
}

/** Ends this staff session's view (if any) and says whose it was. */
export async function endViewsOf(tenantId: string, staffSessionId: string): Promise<string | null> {
  const views = await SessionModel.find({ tenantId, 'viewAs.staffSessionId': staffSessionId }).lean();
  if (!views.length) return null;
  await SessionModel.deleteMany({ _id: { $in: views.map((v) => v._id) } });
  return views[0]!.customerId ?? null;
}

export function clearViewAsCookie(req: Request, res: Response) {
  res.clearCookie(VIEW_AS_COOKIE, cookieOptions(req));
}

async function viewAsActorOf(token: string, staff: StaffActor, now = new Date()): Promise<CustomerActor | null> {
  const row = await SessionModel.findById(hashToken(token)).lean();
  if (!row?.viewAs || !row.customerId || String(row.tenantId) !== staff.tenantId) return null;
  if (row.viewAs.staffSessionId !== staff.sessionId || row.absoluteExpiresAt <= now) return null;
  // Kept as fresh as a session row, so the sweep's idle rule leaves an open view alone.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await SessionModel.updateOne({ _id: row._id }, { $set: { lastSeenAt: now } });
  }
  return {
    kind: 'customer',
    tenantId: staff.tenantId,
    customerId: row.customerId,
    uid: row.uid,
    sessionId: row._id,
    viewAs: {
      staffUid: row.viewAs.staffUid,
      staffEmail: row.viewAs.staffEmail,
      staffRole: row.viewAs.staffRole === 'admin' ? 'admin' : 'staff',
      staffSessionId: row.viewAs.staffSessionId,
      customerName: row.viewAs.customerName,
    },
  };
}

/**
 * Runs after the session: a request that carries a view-as cookie beside a live staff session of the
 * same tenant acts as that customer, read-only. Any other view-as cookie is stale and is cleared.
 */
export function loadViewAs(): RequestHandler {
  return async (req, res, next) => {
    const token = req.cookies?.[VIEW_AS_COOKIE];
    if (typeof token !== 'string' || token.length < 20 || token.length > 100) return next();
    const viewing = req.actor?.kind === 'staff' ? await viewAsActorOf(token, req.actor) : null;
    if (viewing) req.actor = viewing;
    else clearViewAsCookie(req, res);
    next();
  };
}
