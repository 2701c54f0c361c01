import { z } from 'zod';
import { TICKET_LIMITS as L } from '../constants.ts';
import { ZPage, ZPagination } from '../common/pagination.schema.ts';
import { ZTicketCategory, ZTicketPriority, ZTicketStatus, ZCommentRequest } from '../tickets/ticket.schema.ts';
import { ZStaffTicketMessage, ZStaffTicketSummary } from '../tickets/staff-ticket.schema.ts';
import { ZTicketSla } from '../sla/sla.schema.ts';

/**
 * The ticket desk (`/modules/maintain`): the queue's views, filters and sort, saved views, bulk
 * changes, presence, saved replies and the staff event stream. Staff only.
 */
/** `breaching`: open, the clock running, and due within the next business hour or overdue (issue 17). */
export const DESK_VIEWS = ['mine', 'unassigned', 'waiting', 'open', 'resolved', 'breaching'] as const;
export const ZDeskView = z.enum(DESK_VIEWS);
export type TDeskView = z.infer<typeof ZDeskView>;
/** `due`: the soonest due (most overdue) first; paused clocks after running ones, tickets without a clock last. */
export const DESK_SORTS = ['newest', 'oldest', 'customer', 'priority', 'due'] as const;
/** Older than one day, three, seven or thirty. */
export const DESK_AGES = ['1d', '3d', '7d', '30d'] as const;

const email = z.string().trim().toLowerCase().min(3).max(200);

/** `GET /api/work-orders`. The dashboard links here with `view`, `sort=oldest`, `created=today`, `incident=active`. */
export const ZDeskQueueQuery = ZPagination.extend({
  view: ZDeskView.optional(),
  status: ZTicketStatus.optional(),
  /** Kept for older callers: `open` = any open status, `closed` = resolved or closed. */
  group: z.enum(['open', 'closed']).optional(),
  priority: ZTicketPriority.optional(),
  category: ZTicketCategory.optional(),
  /** A staff email, `me`, or `none` (unassigned). `assignedTo` is the older name. */
  assignee: z.union([z.literal('me'), z.literal('none'), email]).optional(),
  assignedTo: email.optional(),
  site: z.string().trim().min(1).max(64).optional(),
  customerId: z.string().trim().min(1).max(64).optional(),
  age: z.enum(DESK_AGES).optional(),
  created: z.literal('today').optional(),
  incident: z.literal('active').optional(),
  sort: z.enum(DESK_SORTS).default('newest'),
  /** Ticket number, title, customer name, customer ID, or phone in any format. */
  q: z.string().trim().min(1).max(100).optional(),
});
export type TDeskQueueQuery = z.infer<typeof ZDeskQueueQuery>;

export const ZDeskViewer = z.object({ email: z.string(), state: z.enum(['viewing', 'typing']) });
export type TDeskViewer = z.infer<typeof ZDeskViewer>;

export const ZDeskQueueRow = ZStaffTicketSummary.extend({
  customerName: z.string().nullable(),
  siteId: z.string().nullable(),
  lastCustomerMessageAt: z.string().nullable(),
  /** A customer message arrived after this staff member last opened the ticket. */
  unread: z.boolean(),
  /** Other staff who have the ticket open now. */
  viewers: z.array(ZDeskViewer),
  /** The service-level clock (issue 17); null once resolved or closed. */
  sla: ZTicketSla.nullable(),
});
export type TDeskQueueRow = z.infer<typeof ZDeskQueueRow>;

export const ZDeskViewCounts = z.object(
  Object.fromEntries(DESK_VIEWS.map((v) => [v, z.number().int()])) as Record<TDeskView, z.ZodNumber>,
);
export const ZDeskQueuePage = ZPage(ZDeskQueueRow).extend({ views: ZDeskViewCounts });
export type TDeskQueuePage = z.infer<typeof ZDeskQueuePage>;

// ---- Saved views (personal)

/** The queue's query string (as in the URL), parsed with the queue query on the way in. */
export const ZSavedViewRequest = z.object({
  name: z.string().trim().min(1, 'Name the view.').max(60, 'Keep the name under 60 characters.'),
  query: z.string().trim().max(1000),
});
export type TSavedViewRequest = z.infer<typeof ZSavedViewRequest>;
export const ZSavedView = z.object({ id: z.string(), name: z.string(), query: z.string(), createdAt: z.string() });
export type TSavedView = z.infer<typeof ZSavedView>;
export const ZSavedViewResponse = z.object({ view: ZSavedView });
export const ZSavedViewList = z.object({ views: z.array(ZSavedView) });
export const ZDeletedResponse = z.object({ deleted: z.literal(true) });

// ---- Bulk

export const DESK_BULK_MAX = 100;
export const ZBulkRequest = z
  .object({
    ids: z
      .array(z.string().regex(/^[0-9a-f]{24}$/i, 'Not a ticket id.'))
      .min(1, 'Select at least one ticket.')
      .max(DESK_BULK_MAX, `Select at most ${DESK_BULK_MAX} tickets.`),
    assignedTo: email.nullable().optional(),
    status: ZTicketStatus.optional(),
    priority: ZTicketPriority.optional(),
  })
  .refine((b) => b.assignedTo !== undefined || b.status || b.priority, {
    message: 'Choose an assignee, a status or a priority.',
    path: ['action'],
  });
export type TBulkRequest = z.infer<typeof ZBulkRequest>;
export const ZBulkResponse = z.object({ updated: z.array(z.string()) });

// ---- One ticket

/** `PATCH /api/work-orders/:id`: priority and category (status and assignee have their own routes). */
export const ZTriageRequest = z
  .object({ priority: ZTicketPriority.optional(), category: ZTicketCategory.optional() })
  .refine((b) => b.priority || b.category, { message: 'Nothing to change.', path: ['priority'] });
export type TTriageRequest = z.infer<typeof ZTriageRequest>;

export const ZPresenceRequest = z.object({ state: z.enum(['viewing', 'typing', 'gone']) });
export type TPresenceRequest = z.infer<typeof ZPresenceRequest>;
export const ZPresenceResponse = z.object({ viewers: z.array(ZDeskViewer) });

const formBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
/**
 * A staff reply or note. `lastSeenMessageId` is the newest message the composer showed: when newer
 * ones exist the answer is 409 with them, unless `confirm`. `savedReplyId` applies that reply's status.
 */
export const ZStaffMessageRequest = ZCommentRequest.extend({
  lastSeenMessageId: z
    .string()
    .regex(/^[0-9a-f]{24}$/i, 'Not a message id.')
    .optional(),
  confirm: formBoolean.optional(),
  savedReplyId: z
    .string()
    .regex(/^[0-9a-f]{24}$/i, 'Not a saved reply id.')
    .optional(),
});
export type TStaffMessageRequest = z.infer<typeof ZStaffMessageRequest>;
/** `details` of the 409 when newer messages arrived since the composer was opened. */
export const ZCollisionDetails = z.object({ newMessages: z.array(ZStaffTicketMessage) });

// ---- Saved replies

export const SAVED_REPLY_VARIABLES = [
  'customer.firstName',
  'customer.lastName',
  'customer.name',
  'customer.id',
  'ticket.number',
  'ticket.title',
  'ticket.url',
  'portal.url',
  'company.name',
  'agent.email',
] as const;
export const ZSavedReplyRequest = z.object({
  title: z.string().trim().min(1, 'Give it a title.').max(80, 'Keep the title under 80 characters.'),
  body: z
    .string()
    .trim()
    .min(L.commentMin, 'Write the reply.')
    .max(L.commentMax, `Keep the reply under ${L.commentMax} characters.`),
  /** `tenant`: everyone of the tenant sees it (admins manage); `personal`: only its owner. */
  scope: z.enum(['tenant', 'personal']),
  setStatus: ZTicketStatus.nullable().optional(),
});
export type TSavedReplyRequest = z.infer<typeof ZSavedReplyRequest>;
export const ZSavedReply = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  scope: z.enum(['tenant', 'personal']),
  setStatus: ZTicketStatus.nullable(),
  owner: z.string().nullable(),
  updatedAt: z.string(),
});
export type TSavedReply = z.infer<typeof ZSavedReply>;
export const ZSavedReplyResponse = z.object({ reply: ZSavedReply });
export const ZSavedReplyList = z.object({
  replies: z.array(ZSavedReply),
  variables: z.array(z.string()),
});

// ---- Staff event stream (`GET /api/work-orders/events`, event name = `type`); never reaches customers

export const ZStaffDeskEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ticket.created'), ticketId: z.string(), ticketNumber: z.string() }),
  /** `fields` is empty when replayed after a reconnect: something changed, re-read the ticket. */
  z.object({ type: z.literal('ticket.changed'), ticketId: z.string(), fields: z.array(z.string()) }),
  z.object({
    type: z.literal('ticket.message'),
    ticketId: z.string(),
    customerId: z.string(),
    message: z.object({ id: z.string(), authorType: z.string(), createdAt: z.string() }).passthrough(),
  }),
  z.object({ type: z.literal('ticket.status'), ticketId: z.string(), status: ZTicketStatus, at: z.string() }),
  z.object({ type: z.literal('ticket.note'), ticketId: z.string(), messageId: z.string() }),
  z.object({
    type: z.literal('presence'),
    ticketId: z.string(),
    email: z.string(),
    state: z.enum(['viewing', 'typing', 'gone']),
  }),
]);
export type TStaffDeskEvent = z.infer<typeof ZStaffDeskEvent>;

// ---- The customer panel beside a ticket (`GET /api/work-orders/:id/customer`)

export const ZDeskCustomerPanel = z.object({
  customer: z.object({
    customerId: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    serviceStatus: z.string(),
    plan: z
      .object({
        planName: z.string().nullable(),
        downloadMbps: z.number().nullable(),
        uploadMbps: z.number().nullable(),
      })
      .nullable(),
    siteId: z.string().nullable(),
  }),
  equipment: z.array(
    z.object({
      type: z.string(),
      make: z.string().nullable(),
      model: z.string().nullable(),
      serialNumber: z.string().nullable(),
      macAddress: z.string().nullable(),
    }),
  ),
  network: z.object({
    signalStrength: z.number().nullable(),
    lastOnline: z.string().nullable(),
    ipAddress: z.string().nullable(),
  }),
  /** Outages now at the customer's site. */
  activeIncidents: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })),
  /** The customer's other tickets, newest activity first (up to five). */
  recentTickets: z.array(
    z.object({
      id: z.string(),
      ticketNumber: z.string(),
      title: z.string(),
      status: ZTicketStatus,
      lastActivityAt: z.string(),
    }),
  ),
  portal: z.object({
    enabled: z.boolean(),
    accountStatus: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
  }),
});
export type TDeskCustomerPanel = z.infer<typeof ZDeskCustomerPanel>;
export const ZDeskCustomerPanelResponse = z.object({ panel: ZDeskCustomerPanel });
