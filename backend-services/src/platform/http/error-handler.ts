import type { ErrorRequestHandler, RequestHandler } from 'express';
import { MulterError } from 'multer';
import { AppError } from './app-error.ts';
import { databaseUnavailableError, isDatabaseUnreachable } from '../db/db-availability.ts';

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(AppError.notFound('No such endpoint.'));
};

/** Writes every error as `{ error: { code, message, fields? } }`; stacks go to the log, never the client. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appError = toAppError(err);
  if (appError.status === 503) req.log.warn({ err: (err as Error).message }, appError.message);
  else if (appError.status >= 500) req.log.error({ err }, 'request failed');
  else req.log.info({ code: appError.code, status: appError.status }, appError.message);
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(appError.headers ?? {})) res.setHeader(name, value);
  res.status(appError.status).json({
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.fields ? { fields: appError.fields } : {}),
      ...(appError.details ? { details: appError.details } : {}),
    },
  });
};

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isDatabaseUnreachable(err)) return databaseUnavailableError();
  if (err instanceof MulterError) {
    const field = err.field ?? 'files';
    if (err.code === 'LIMIT_FILE_SIZE')
      return new AppError('PAYLOAD_TOO_LARGE', 413, 'A file is too large.', { [field]: 'This file is too large.' });
    return AppError.validation({ [field]: err.message });
  }
  const status = (err as { status?: number; type?: string }).status;
  const type = (err as { type?: string }).type;
  if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 413, 'The request is too large.');
  if (type === 'entity.parse.failed')
    return new AppError('VALIDATION_FAILED', 400, 'The request body is not valid JSON.');
  if (status && status >= 400 && status < 500)
    return new AppError('VALIDATION_FAILED', status, 'The request could not be read.');
  return new AppError('INTERNAL', 500, 'Something went wrong on our side. Please try again.');
}
