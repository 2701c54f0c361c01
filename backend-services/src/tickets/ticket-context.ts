import type { Types } from 'mongoose';
import type { Request } from 'express';
import type { Actor } from '../platform/auth/actor.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import { AppError } from '../platform/http/app-error.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import {
  TicketAttachmentModel,
  TicketMessageModel,
  TicketModel,
  type TTicketAttachmentDoc,
  type TTicketMessageDoc,
  type TTicketDoc,
} from './ticket.model.ts';
import type { AcceptedFile } from './ticket-files.ts';
import { discardStored, storeFiles } from './ticket-files.ts';

/** Everything a ticket service call needs, passed explicitly: the tenant, who is acting, and where files go. */
export type TicketContext = { tenant: TTenantDoc; actor: Actor; storage: FileStorage; portalUrlTemplate: string };

export const tenantIdOf = (ctx: TicketContext) => ctx.tenant._id;

/** What both ticket routers build per request: the context, and the `:id` of the ticket in the path. */
export function ticketRequests(storage: FileStorage, portalUrlTemplate: string) {
  return {
    ctxOf: (req: Request): TicketContext => ({ tenant: req.tenant, actor: req.actor!, storage, portalUrlTemplate }),
    idOf: (req: Request) => (req.params as Record<string, string>).id!,
  };
}

export function authorOf(ctx: TicketContext, customer?: TCustomerDoc) {
  if (ctx.actor.kind === 'staff') {
    return {
      authorType: 'staff' as const,
      authorId: ctx.actor.email,
      authorName: `${ctx.tenant.branding.company.displayName} Support`,
    };
  }
  return {
    authorType: 'customer' as const,
    authorId: ctx.actor.customerId,
    authorName: customer ? `${customer.firstName} ${customer.lastName}` : 'Customer',
  };
}

/** The ticket as stored now, read again after a write (the caller already passed the access check). */
export async function reloadTicket(ctx: TicketContext, ticket: Pick<TTicketDoc, '_id'>): Promise<TTicketDoc> {
  const fresh = await TicketModel.findById(ticket._id).lean<TTicketDoc>();
  if (!fresh || String(fresh.tenantId) !== String(ctx.tenant._id)) throw AppError.notFound('No such ticket.');
  return fresh;
}

export async function loadConversation(
  ctx: TicketContext,
  ticket: Pick<TTicketDoc, '_id'>,
  visibility: 'public' | 'all',
) {
  const filter = {
    tenantId: ctx.tenant._id,
    workOrderId: ticket._id,
    ...(visibility === 'public' ? { visibility: 'public' } : {}),
  };
  const [messages, attachments] = await Promise.all([
    TicketMessageModel.find(filter).sort({ createdAt: 1 }).lean<TTicketMessageDoc[]>(),
    TicketAttachmentModel.find(filter).sort({ createdAt: 1 }).lean<TTicketAttachmentDoc[]>(),
  ]);
  return { messages, attachments };
}

/**
 * Stores accepted files and records them on the ticket. Files are written first: if recording fails,
 * they are removed again, so a failed request leaves nothing behind.
 */
export async function attachFiles(
  ctx: TicketContext,
  ticket: Pick<TTicketDoc, '_id'>,
  files: AcceptedFile[],
  opts: {
    messageId?: Types.ObjectId;
    visibility: 'public' | 'internal';
    uploadedByType: 'customer' | 'staff' | 'system';
  },
): Promise<TTicketAttachmentDoc[]> {
  if (!files.length) return [];
  const keys = await storeFiles(ctx.storage, files);
  try {
    const docs = await TicketAttachmentModel.insertMany(
      files.map((f, i) => ({
        tenantId: ctx.tenant._id,
        workOrderId: ticket._id,
        messageId: opts.messageId,
        visibility: opts.visibility,
        uploadedByType: opts.uploadedByType,
        storageKey: keys[i]!.storageKey,
        thumbnailKey: keys[i]!.thumbnailKey,
        fileName: f.fileName,
        contentType: f.contentType,
        size: f.data.length,
        inline: f.inline,
      })),
    );
    return docs.map((d) => d.toObject() as TTicketAttachmentDoc);
  } catch (err) {
    await discardStored(
      ctx.storage,
      keys.flatMap((k) => [k.storageKey, ...(k.thumbnailKey ? [k.thumbnailKey] : [])]),
    );
    throw err;
  }
}

/** Undoes attachFiles (the request that recorded them failed after): rows first, then the files. */
export async function discardAttachments(ctx: TicketContext, attachments: TTicketAttachmentDoc[]): Promise<void> {
  if (!attachments.length) return;
  await TicketAttachmentModel.deleteMany({ tenantId: ctx.tenant._id, _id: { $in: attachments.map((a) => a._id) } });
  await discardStored(
    ctx.storage,
    attachments.flatMap((a) => [a.storageKey, ...(a.thumbnailKey ? [a.thumbnailKey] : [])]),
  );
}
