import { z } from 'zod';
import { ZPage } from '../common/pagination.schema.ts';
import {
  ZMessageAuthorType,
  ZTicketAttachment,
  ZTicketCategory,
  ZTicketPriority,
  ZTicketSource,
  ZTicketStatus,
} from './ticket.schema.ts';

/** Staff responses of `/api/work-orders`: everything, internal notes and raw diagnostics included. */
const isoOrNull = z.string().nullable();
export const ZMessageVisibility = z.enum(['public', 'internal']);

export const ZStaffTicketSummary = z.object({
  id: z.string(),
  ticketNumber: z.string(),
  customerId: z.string(),
  title: z.string(),
  category: ZTicketCategory,
  priority: ZTicketPriority,
  status: ZTicketStatus,
  source: ZTicketSource,
  assignedTo: z.string().nullable(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  firstResponseAt: isoOrNull,
  resolvedAt: isoOrNull,
  closedAt: isoOrNull,
});
export type TStaffTicketSummary = z.infer<typeof ZStaffTicketSummary>;

/** `GET /api/work-orders`. */
export const ZStaffTicketPage = ZPage(ZStaffTicketSummary);
export type TStaffTicketPage = z.infer<typeof ZStaffTicketPage>;

export const ZStaffTicketAttachment = ZTicketAttachment.extend({
  visibility: ZMessageVisibility,
  uploadedByType: ZMessageAuthorType,
  messageId: z.string().nullable(),
});
export type TStaffTicketAttachment = z.infer<typeof ZStaffTicketAttachment>;

export const ZStaffTicketMessage = z.object({
  id: z.string(),
  visibility: ZMessageVisibility,
  authorType: ZMessageAuthorType,
  authorId: z.string(),
  authorName: z.string(),
  body: z.string(),
  attachments: z.array(ZStaffTicketAttachment),
  createdAt: z.string(),
});
export type TStaffTicketMessage = z.infer<typeof ZStaffTicketMessage>;

export const ZStaffTicket = ZStaffTicketSummary.extend({
  /** Priority, category and assignee changes (status changes are in statusHistory). */
  changes: z.array(
    z.object({
      field: z.enum(['priority', 'category', 'assignee']),
      from: z.string().nullable(),
      to: z.string().nullable(),
      by: z.string(),
      at: z.string(),
    }),
  ),
  description: z.string(),
  statusHistory: z.array(
    z.object({
      from: ZTicketStatus.nullable(),
      to: ZTicketStatus,
      by: z.string(),
      byType: ZMessageAuthorType,
      at: z.string(),
    }),
  ),
  messages: z.array(ZStaffTicketMessage),
  attachments: z.array(ZStaffTicketAttachment),
  diagnostics: z
    .object({
      cpe: z
        .object({
          make: z.string().nullish(),
          model: z.string().nullish(),
          serialNumber: z.string().nullish(),
          macAddress: z.string().nullish(),
          firmware: z.string().nullish(),
        })
        .nullable(),
      signalStrength: z.number().nullable(),
      lastOnline: isoOrNull,
      ipAddress: z.string().nullable(),
      capturedAt: z.string(),
    })
    .nullable(),
  satisfaction: z.object({ rating: z.number().int(), comment: z.string().nullable(), ratedAt: isoOrNull }).nullable(),
  customerLastReadAt: isoOrNull,
});
export type TStaffTicket = z.infer<typeof ZStaffTicket>;

/** `POST /api/work-orders`, `GET /:id`, `POST /:id/status`, `POST /:id/assign`. */
export const ZStaffTicketResponse = z.object({ ticket: ZStaffTicket });
/** `POST /:id/replies`, `POST /:id/notes`. */
export const ZStaffMessageResponse = z.object({ message: ZStaffTicketMessage });
