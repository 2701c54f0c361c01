import mongoose from 'mongoose';
import type { RequestHandler } from 'express';
import { AppError } from '../http/app-error.ts';

export const DATABASE_UNAVAILABLE_MESSAGE = 'The service is briefly unavailable. Please try again in a moment.';

export const databaseUnavailableError = () =>
  new AppError('SERVICE_UNAVAILABLE', 503, DATABASE_UNAVAILABLE_MESSAGE, undefined, { 'Retry-After': '5' });

/**
 * While the driver knows the database is away, answer 503 at once: waiting for it would hold the
 * request (and the web server's) for seconds, and a retry a moment later is the better answer. The
 * driver reconnects by itself; this lets traffic through again as soon as it has.
 */
export const databaseUnavailable: RequestHandler = (_req, _res, next) => {
  next(mongoose.connection.readyState === mongoose.ConnectionStates.connected ? undefined : databaseUnavailableError());
};

/** True for the driver's "cannot reach the database" errors (as opposed to a bad query). */
export function isDatabaseUnreachable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const name = (err as { name?: string }).name ?? '';
  const message = (err as { message?: string }).message ?? '';
  return (
    /^Mongo(ose)?(Network|NetworkTimeout|ServerSelection|TopologyClosed|NotConnected|PoolCleared)Error$/.test(name) ||
    (name === 'MongooseError' && /buffering timed out|Client must be connected/.test(message))
  );
}
