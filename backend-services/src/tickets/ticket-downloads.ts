import { Types } from 'mongoose';
import type { Response } from 'express';
import { AppError } from '../platform/http/app-error.ts';
import type { TicketContext } from './ticket-context.ts';
import { requireAccess } from '../platform/access/access.ts';
import { TicketAttachmentModel, type TTicketAttachmentDoc } from './work-order.model.ts';

/** Only re-encoded raster images may be shown by the browser; everything else is a download. */
const INLINE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

export type AttachmentFile = { data: Buffer; contentType: string; fileName: string; inline: boolean };

/**
 * A file of a ticket the caller may see, through the same access check as everything else. The
 * customer's view (`public`) reaches public files only; the whole ticket needs `ticket.read.all`.
 */
export async function readAttachment(
  ctx: TicketContext,
  id: string,
  attachmentId: string,
  opts: { view: 'public' | 'all'; thumbnail: boolean },
): Promise<AttachmentFile> {
  const [wo] = await requireAccess(ctx, opts.view === 'all' ? 'ticket.read.all' : 'ticket.read', [id]);
  if (!Types.ObjectId.isValid(attachmentId)) throw AppError.notFound('No such file.');
  // By `_id` alone (cheap on FerretDB); tenant, ticket and visibility are checked here.
  const found = await TicketAttachmentModel.findById(attachmentId).lean<TTicketAttachmentDoc>();
  const a =
    found &&
    String(found.tenantId) === String(ctx.tenant._id) &&
    String(found.workOrderId) === String(wo._id) &&
    (opts.view === 'all' || found.visibility === 'public')
      ? found
      : null;
  if (!a) throw AppError.notFound('No such file.');
  const key = opts.thumbnail ? a.thumbnailKey : a.storageKey;
  if (!key) throw AppError.notFound('This file has no preview.');
  const data = await ctx.storage.get(key);
  if (!data) throw AppError.notFound('No such file.');
  if (opts.thumbnail) return { data, contentType: 'image/webp', fileName: `${a.fileName}.thumb.webp`, inline: true };
  return {
    data,
    contentType: a.contentType,
    fileName: a.fileName,
    inline: a.inline && INLINE_TYPES.has(a.contentType),
  };
}

/** Sends a stored file so that no browser can run it: fixed type, nosniff, a sandboxing CSP, private caching. */
export function sendAttachment(res: Response, file: AttachmentFile): void {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.data.length));
  res.setHeader(
    'Content-Disposition',
    `${file.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
  res.setHeader('Cache-Control', 'private, max-age=300');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.end(file.data);
}
