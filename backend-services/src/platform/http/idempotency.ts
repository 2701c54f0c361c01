import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { isDuplicateKeyError } from '../db/mongo.ts';
import { AppError } from './app-error.ts';
import { IdempotencyRecordModel } from './idempotency.model.ts';

/** How long a retry waits for the first request with its key to finish (uploads can take a while). */
const WAIT_FOR_FIRST_MS = 20_000;
const POLL_MS = 50;
/** Records older than this are swept; a retry after that creates anew. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;
const KEY = /^[\x21-\x7e]{8,200}$/;

/**
 * `Idempotency-Key` on requests that create things (place it after the access guard): a retry with
 * the same key by the same actor gets the first response replayed (`Idempotent-Replayed: true`) and
 * creates nothing; one sent while the first is still running waits for it. Only a successful response
 * is kept: after an error nothing was created, so a retry does the work. Without the header, nothing
 * changes.
 */
const acceptKey: RequestHandler = async (req, res, next) => {
  const key = req.get('idempotency-key');
  if (key === undefined || !req.actor) return next();
  if (!KEY.test(key))
    throw AppError.validation({ 'Idempotency-Key': 'Use 8 to 200 visible ASCII characters, e.g. a UUID.' });
  const tenantId = req.actor.tenantId;
  const actor = `${req.actor.kind}:${req.actor.uid}`;
  const id = createHash('sha256').update([tenantId, actor, key].join('\u0000')).digest('base64url');
  const request = `${req.method} ${req.originalUrl.split('?')[0]}`;

  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    try {
      await IdempotencyRecordModel.create({
        _id: id,
        tenantId,
        actor,
        key,
        request,
        state: 'pending',
        createdAt: new Date(),
      });
      keepResponse(req, res, id);
      return next();
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const first = await IdempotencyRecordModel.findById(id).lean();
    if (first && first.request !== request)
      throw new AppError('CONFLICT', 409, 'This Idempotency-Key was already used for another request.');
    if (first?.state === 'done') return replay(res, first.status!, first.body!);
    if (Date.now() > deadline)
      throw new AppError(
        'CONFLICT',
        409,
        'The first request with this Idempotency-Key is still running. Try again shortly.',
      );
    // Still running (wait), or it failed and its record is gone (try to take the key again).
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
};

/** Marked, so the OpenAPI document lists the `Idempotency-Key` header on the routes that take it. */
export const idempotent = Object.assign(acceptKey, { idempotencyKey: KEY });

/** Stores a 2xx JSON answer before sending it (so a retry arriving right after sees it); forgets any other. */
function keepResponse(req: Request, res: Response, id: string) {
  const send = res.json.bind(res);
  let settled = false;
  // An answer without a JSON body (or a dropped connection) is not kept either.
  res.on('close', () => {
    if (!settled) void IdempotencyRecordModel.deleteOne({ _id: id }).catch(() => undefined);
  });
  res.json = (body: unknown) => {
    settled = true;
    const status = res.statusCode;
    const settle =
      status >= 200 && status < 300
        ? IdempotencyRecordModel.updateOne({ _id: id }, { $set: { state: 'done', status, body: JSON.stringify(body) } })
        : IdempotencyRecordModel.deleteOne({ _id: id });
    settle.then(
      () => send(body),
      (err: unknown) => {
        req.log.error({ err }, 'could not store the idempotent response');
        send(body);
      },
    );
    return res;
  };
}

function replay(res: Response, status: number, body: string) {
  res.setHeader('Idempotent-Replayed', 'true');
  res.status(status).type('application/json').send(body);
}
