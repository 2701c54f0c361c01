import type { Types } from 'mongoose';
import type { Actor } from '../platform/auth/actor.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import { AppError } from '../platform/http/app-error.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import {
  TicketAttachmentModel,
  TicketMessageModel,
  WorkOrderModel,
  type TTicketAttachmentDoc,
  type TTicketMessageDoc,
  type TWorkOrderDoc,
} from './work-order.model.ts';
import type { AcceptedFile } from './ticket-files.ts';
import { discardStored, storeFiles } from './ticket-files.ts';

/** Everything a ticket service call needs, passed explicitly: the tenant, who is acting, and where files go. */
export type TicketContext = { tenant: TTenantDoc; actor: Actor; storage: FileStorage; portalUrlTemplate: string };

export const tenantIdOf = (ctx: TicketContext) => ctx.tenant._id;

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
export async function reloadTicket(ctx: TicketContext, wo: Pick<TWorkOrderDoc, '_id'>): Promise<TWorkOrderDoc> {
  const fresh = await WorkOrderModel.findById(wo._id).lean<TWorkOrderDoc>();
  if (!fresh || String(fresh.tenantId) !== String(ctx.tenant._id)) throw AppError.notFound('No such ticket.');
  return fresh;
}

export async function loadConversation(ctx: TicketContext, wo: TWorkOrderDoc, visibility: 'public' | 'all') {
  const filter = {
    tenantId: ctx.tenant._id,
    workOrderId: wo._id,
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
  wo: Pick<TWorkOrderDoc, '_id'>,
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
        workOrderId: wo._id,
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
