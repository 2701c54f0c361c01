import { z } from 'zod';
import { ZPagination, ZPage } from '../common/pagination.schema.ts';

export const TICKET_CATEGORIES = ['slow-speed', 'no-connection', 'intermittent', 'equipment-failure', 'billing-issue', 'other'] as const;
export const ZTicketCategory = z.enum(TICKET_CATEGORIES);
export type TTicketCategory = z.infer<typeof ZTicketCategory>;

export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const ZTicketPriority = z.enum(TICKET_PRIORITIES);
export type TTicketPriority = z.infer<typeof ZTicketPriority>;
/** `critical` is a staff triage decision; a customer may choose only these. */
export const CUSTOMER_TICKET_PRIORITIES = ['low', 'medium', 'high'] as const;
export const ZCustomerTicketPriority = z.enum(CUSTOMER_TICKET_PRIORITIES, { error: 'Choose low, medium or high.' });

export const TICKET_STATUSES = ['open', 'in-progress', 'waiting-on-customer', 'resolved', 'closed'] as const;
export const ZTicketStatus = z.enum(TICKET_STATUSES);
export type TTicketStatus = z.infer<typeof ZTicketStatus>;
/** Status groups the list filter accepts besides single statuses. */
export const OPEN_TICKET_STATUSES = ['open', 'in-progress', 'waiting-on-customer'] as const satisfies readonly TTicketStatus[];
export const CLOSED_TICKET_STATUSES = ['resolved', 'closed'] as const satisfies readonly TTicketStatus[];

export const TICKET_SOURCES = ['portal', 'staff', 'email'] as const;
export const ZTicketSource = z.enum(TICKET_SOURCES);

export const MESSAGE_AUTHOR_TYPES = ['customer', 'staff', 'system'] as const;
export const ZMessageAuthorType = z.enum(MESSAGE_AUTHOR_TYPES);

/** A resolved or closed ticket may be reopened by its customer for this many days. */
export const TICKET_REOPEN_WINDOW_DAYS = 14;

const ZTitle = z.string().trim().min(5, 'Please give a short title (at least 5 characters).').max(120, 'Keep the title under 120 characters.');
const ZDescription = z.string().trim().min(10, 'Please describe the problem (at least 10 characters).').max(5000, 'Keep the description under 5000 characters.');
const ZBody = z.string().trim().min(1, 'Write a message.').max(5000, 'Keep the message under 5000 characters.');

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
  group: z.enum(['open', 'closed']).optional(),
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

export const ZRatingRequest = z.object({
  rating: z.coerce.number().int('Choose 1 to 5 stars.').min(1, 'Choose 1 to 5 stars.').max(5, 'Choose 1 to 5 stars.'),
  comment: z.string().trim().max(1000, 'Keep the comment under 1000 characters.').optional(),
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

export const ZSignalQuality = z.enum(['good', 'fair', 'poor', 'unknown']);
export const ZCustomerDiagnosticsSummary = z.object({
  equipmentLastOnlineAt: z.string().nullable(),
  signalQuality: ZSignalQuality,
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
]);
export type TCustomerTicketEvent = z.infer<typeof ZCustomerTicketEvent>;
