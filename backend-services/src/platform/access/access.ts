import type { RequestHandler, Request } from 'express';
import { AppError } from '../http/app-error.ts';
import type { CustomerActor, StaffActor } from '../auth/actor.ts';

/**
 * The one place that decides who may reach what. Routes declare what they need; services receive the
 * actor and tenant explicitly. Anything a caller may not see answers 404, so existence is never confirmed.
 */
function unauthenticated(req: Request, res: { locals: Record<string, unknown> }) {
  void req;
  return res.locals.sessionExpired
    ? new AppError('SESSION_EXPIRED', 401, 'Your session expired. Please sign in again.')
    : AppError.unauthenticated();
}

export const requireSignedIn: RequestHandler = (req, res, next) => {
  if (!req.actor) throw unauthenticated(req, res);
  next();
};

export const requireCustomer: RequestHandler = (req, res, next) => {
  if (!req.actor) throw unauthenticated(req, res);
  if (req.actor.kind !== 'customer') throw AppError.notFound();
  next();
};

export function requireStaff(role: 'staff' | 'admin' = 'staff'): RequestHandler {
  return (req, res, next) => {
    if (!req.actor) throw unauthenticated(req, res);
    if (req.actor.kind !== 'staff') throw AppError.notFound();
    if (role === 'admin' && req.actor.role !== 'admin') throw AppError.notFound();
    next();
  };
}

/**
 * For routes with `:customerId`: a customer session may use only its own id; staff of the tenant may
 * use any customer of the tenant (whether that customer exists is the service's tenant-scoped lookup).
 */
export function requireCustomerAccess(param = 'customerId'): RequestHandler {
  return (req, res, next) => {
    if (!req.actor) throw unauthenticated(req, res);
    const requested = req.params[param];
    if (req.actor.kind === 'customer' && req.actor.customerId !== requested) throw AppError.notFound();
    next();
  };
}

export function customerActorOf(req: Request): CustomerActor {
  if (req.actor?.kind !== 'customer') throw AppError.unauthenticated();
  return req.actor;
}

export function staffActorOf(req: Request): StaffActor {
  if (req.actor?.kind !== 'staff') throw AppError.unauthenticated();
  return req.actor;
}
