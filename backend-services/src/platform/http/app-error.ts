import type { TApiErrorCode } from '@wisp/shared';

/** The one error type services throw; the error handler turns it into the shared envelope. */
export class AppError extends Error {
  constructor(
    readonly code: TApiErrorCode,
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
    /** Facts the client needs to recover (e.g. the messages a 409 collision is about). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  static notFound(what = 'Not found') {
    return new AppError('NOT_FOUND', 404, what);
  }
  static unauthenticated() {
    return new AppError('UNAUTHENTICATED', 401, 'Please sign in to continue.');
  }
  static validation(fields: Record<string, string>, message = 'Some fields need attention.') {
    return new AppError('VALIDATION_FAILED', 400, message, fields);
  }
}
