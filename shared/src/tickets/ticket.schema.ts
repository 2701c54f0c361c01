import { z } from 'zod';
import {
  CUSTOMER_TICKET_PRIORITIES,
  MESSAGE_AUTHOR_TYPES,
  TICKET_CATEGORIES,
  TICKET_LIMITS as L,
  TICKET_PRIORITIES,
  TICKET_SOURCES,
  TICKET_STATUS_GROUPS,
  TICKET_STATUSES,
} from '../constants.ts';
import { ZPagination, ZPage } from '../common/pagination.schema.ts';
import { ZSignalQuality } from '../service/service-info.schema.ts';

export const ZTicketCategory = z.enum(TICKET_CATEGORIES);
export const ZTicketPriority = z.enum(TICKET_PRIORITIES);
export const ZCustomerTicketPriority = z.enum(CUSTOMER_TICKET_PRIORITIES, { error: 'Choose low, medium or high.' });

export const ZTicketStatus = z.enum(TICKET_STATUSES);
export const ZTicketSource = z.enum(TICKET_SOURCES);
export const ZMessageAuthorType = z.enum(MESSAGE_AUTHOR_TYPES);

const ZTitle = z
  .string()
  .trim()
  .min(L.titleMin, `Please give a short title (at least ${L.titleMin} characters).`)
  .max(L.titleMax, `Keep the title under ${L.titleMax} characters.`);
const ZDescription = z
  .string()
  .trim()
  .min(L.descriptionMin, `Please describe the problem (at least ${L.descriptionMin} characters).`)
  .max(L.descriptionMax, `Keep the description under ${L.descriptionMax} characters.`);
const ZBody = z
  .string()
  .trim()
  .min(L.commentMin, 'Write a message.')
  .max(L.commentMax, `Keep the message under ${L.commentMax} characters.`);

/** Multipart forms send every field as text; these schemas accept the same values as JSON or form fields. */
export const ZCreateTicketRequest = z.object({
  title: ZTitle,
  description: ZDescription,
  category: ZTicketCategory,
  priority: ZCustomerTicketPriority.default('medium'),
});
export type TCreateTicketRequest = z.infer<typeof ZCreateTicketRequest>;

export const ZStaffCreateTicketRequest = z.object({
  customerId: z.string().trim().min(1).max(64),
  title: ZTitle,
  description: ZDescription,
  category: ZTicketCategory,
  priority: ZTicketPriority.default('medium'),
  assignedTo: z.string().trim().min(1).max(200).optional(),
});
export type TStaffCreateTicketRequest = z.infer<typeof ZStaffCreateTicketRequest>;

export const ZTicketListQuery = ZPagination.extend({
  /** One status (`open` means exactly that status). */
  status: ZTicketStatus.optional(),
  /** A status group: `open` = open, in-progress or waiting-on-customer; `closed` = resolved or closed. */
  group: z.enum(TICKET_STATUS_GROUPS).optional(),
});
export type TTicketListQuery = z.infer<typeof ZTicketListQuery>;

export const ZStaffTicketListQuery = ZTicketListQuery.extend({
  priority: ZTicketPriority.optional(),
  category: ZTicketCategory.optional(),
  assignedTo: z.string().trim().min(1).max(200).optional(),
  customerId: z.string().trim().min(1).max(64).optional(),
  q: z.string().trim().min(1).max(100).optional(),
});
export type TStaffTicketListQuery = z.infer<typeof ZStaffTicketListQuery>;

export const ZCommentRequest = z.object({ body: ZBody });
export type TCommentRequest = z.infer<typeof ZCommentRequest>;

export const ZStatusChangeRequest = z.object({ status: ZTicketStatus });
export type TStatusChangeRequest = z.infer<typeof ZStatusChangeRequest>;

export const ZAssignRequest = z.object({ assignedTo: z.string().trim().min(1).max(200).nullable() });
export type TAssignRequest = z.infer<typeof ZAssignRequest>;

const STARS = `Choose ${L.ratingMin} to ${L.ratingMax} stars.`;
export const ZRatingRequest = z.object({
  rating: z.coerce.number().int(STARS).min(L.ratingMin, STARS).max(L.ratingMax, STARS),
  comment: z
    .string()
    .trim()
    .max(L.ratingCommentMax, `Keep the comment under ${L.ratingCommentMax} characters.`)
    .optional(),
});
export type TRatingRequest = z.infer<typeof ZRatingRequest>;

// ---- Customer view (built on the backend by an allowlist; never contains internal notes or staff-only facts)

export const ZTicketAttachment = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  hasThumbnail: z.boolean(),
  /** Whether the browser may show it inline (re-encoded raster images only). */
  inline: z.boolean(),
  createdAt: z.string(),
});
export type TTicketAttachment = z.infer<typeof ZTicketAttachment>;

export const ZCustomerTicketMessage = z.object({
  id: z.string(),
  authorType: ZMessageAuthorType,
  authorName: z.string(),
  body: z.string(),
  attachments: z.array(ZTicketAttachment),
  createdAt: z.string(),
});
export type TCustomerTicketMessage = z.infer<typeof ZCustomerTicketMessage>;

export const ZCustomerStatusChange = z.object({
  from: ZTicketStatus.nullable(),
  to: ZTicketStatus,
  byType: ZMessageAuthorType,
  at: z.string(),
});

export const ZCustomerDiagnosticsSummary = z.object({
  equipmentLastOnlineAt: z.string().nullable(),
  signalQuality: z.union([ZSignalQuality, z.literal('unknown')]),
});

export const ZCustomerTicketSummary = z.object({
  id: z.string(),
  ticketNumber: z.string(),
  title: z.string(),
  category: ZTicketCategory,
  priority: ZTicketPriority,
  status: ZTicketStatus,
  createdAt: z.string(),
  lastActivityAt: z.string(),
  unreadStaffReplies: z.number().int(),
  hasUnreadStaffReply: z.boolean(),
});
export type TCustomerTicketSummary = z.infer<typeof ZCustomerTicketSummary>;
export const ZCustomerTicketPage = ZPage(ZCustomerTicketSummary).extend({ unreadTickets: z.number().int() });
export type TCustomerTicketPage = z.infer<typeof ZCustomerTicketPage>;

export const ZCustomerTicket = ZCustomerTicketSummary.extend({
  description: z.string(),
  source: ZTicketSource,
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  statusHistory: z.array(ZCustomerStatusChange),
  messages: z.array(ZCustomerTicketMessage),
  /** Files attached when the ticket was opened or uploaded without a comment. */
  attachments: z.array(ZTicketAttachment),
  diagnostics: ZCustomerDiagnosticsSummary.nullable(),
  satisfaction: z.object({ rating: z.number().int(), comment: z.string().optional(), ratedAt: z.string() }).nullable(),
  canClose: z.boolean(),
  canComment: z.boolean(),
  canReopen: z.boolean(),
  reopenUntil: z.string().nullable(),
  canRate: z.boolean(),
});
export type TCustomerTicket = z.infer<typeof ZCustomerTicket>;

/** Server-Sent Events on `/api/work-orders/customer/:customerId/events` (event name = `type`). */
export const ZCustomerTicketEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ticket.message'), ticketId: z.string(), message: ZCustomerTicketMessage }),
  z.object({ type: z.literal('ticket.status'), ticketId: z.string(), status: ZTicketStatus, at: z.string() }),
  z.object({ type: z.literal('unread'), unreadTickets: z.number().int() }),
  /** The session was signed out, revoked or expired: the stream ends; the page should send the person to sign in. */
  z.object({ type: z.literal('session.ended') }),
]);
export type TCustomerTicketEvent = z.infer<typeof ZCustomerTicketEvent>;

/** A customer's ticket after opening, reading, closing, reopening or rating it. */
export const ZCustomerTicketResponse = z.object({ ticket: ZCustomerTicket });

/**
 * `POST …/:id/comments`: the customer's new message; staff writing in the customer's view answer
 * publicly and get the ticket as the customer now sees it.
 */
export const ZCustomerCommentResponse = z.union([
  z.object({ message: ZCustomerTicketMessage }),
  z.object({ ticket: ZCustomerTicket }),
]);

/** `POST …/:id/upload`: the files now on the ticket's public side. */
export const ZTicketAttachmentsResponse = z.object({ attachments: z.array(ZTicketAttachment) });
