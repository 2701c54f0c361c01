import { Types } from 'mongoose';
import {
  CUSTOMER_CLOSED_TICKET_STATUSES,
  CUSTOMER_OPEN_TICKET_STATUSES,
  type TCreateTicketRequest,
  type TCustomerTicket,
  type TCustomerTicketPage,
  type TTicketListQuery,
  type TTicketPriority,
} from '@wisp/shared';
import { notifyTicketCreated } from '../notifications/ticket-emails.ts';
import { acceptFiles, type UploadedFile } from './ticket-files.ts';
import { insertWithNextTicketNumber } from './ticket-number.ts';
import { publishStaffEvent } from './ticket-events.ts';
import { diagnosticsSnapshot } from './diagnostics.ts';
import { attachFiles, authorOf, discardAttachments, loadConversation, type TicketContext } from './ticket-context.ts';
import { WHOLE_RESULT_BATCH } from '../platform/db/mongo.ts';
import { isObjectId, requireAccess, requireOwnAccess } from '../platform/access/access.ts';
import { AppError } from '../platform/http/app-error.ts';
import { findCustomerOrThrow } from '../customers/customers.service.ts';
import { changeHistoryOf } from './ticket-fields.service.ts';
import { markOpenedByStaff } from './ticket-queue.service.ts';
import { linkNewTicketToActiveIncident } from '../support/incidents/incident-links.service.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { TicketMessageModel, TicketModel, type TTicketAttachmentDoc, type TTicketDoc } from './ticket.model.ts';
import {
  hasUnreadStaffReply,
  isUnreadStaffReply,
  toCustomerTicket,
  toCustomerTicketSummary,
  toStaffTicket,
} from './tickets.views.ts';

export type OpenTicketInput = Omit<TCreateTicketRequest, 'priority'> & {
  priority: TTicketPriority;
  assignedTo?: string;
};

/**
 * The signed-in customer opens a ticket in the portal; the answer is the customer's view of what was
 * inserted (a new ticket has no messages, and its files are the ones just recorded: nothing to re-read).
 */
export async function openTicket(
  ctx: TicketContext,
  input: OpenTicketInput,
  uploads: UploadedFile[] = [],
): Promise<TCustomerTicket> {
  const { customerId } = await requireOwnAccess(ctx, 'ticket.open.own');
  const files = await acceptFiles(uploads);
  const { ticket, attachments } = await insertTicket(
    ctx,
    await findCustomerOrThrow(ctx.tenant, customerId),
    input,
    files,
    'portal',
  );
  // The outage-aware intake: filed during an outage at the customer's site, it joins the incident
  // (which the customer's view does not show, so the answer below stays what was inserted).
  await linkNewTicketToActiveIncident(ctx.tenant, ticket);
  return toCustomerTicket(ticket, [], attachments, new Date());
}

/** Staff open a ticket for a customer of the tenant who phoned in; the answer is the staff view of what was inserted. */
export async function openTicketForCustomer(
  ctx: TicketContext,
  customerId: string,
  input: OpenTicketInput,
  uploads: UploadedFile[] = [],
) {
  await requireAccess(ctx, 'ticket.open');
  const files = await acceptFiles(uploads);
  const { ticket, attachments } = await insertTicket(
    ctx,
    await findCustomerOrThrow(ctx.tenant, customerId),
    input,
    files,
    'staff',
  );
  // A ticket just opened has no field changes yet.
  return { ...toStaffTicket(ticket, [], attachments), changes: [] };
}

/**
 * Every file was checked first. The files are stored and recorded (under the ticket's id chosen
 * here) before the ticket is inserted under the next ticket number with a frozen diagnostics
 * snapshot, so a process that dies half-way never leaves a ticket without its files: only files of
 * no ticket, which the orphan sweep removes. Then support and the customer are emailed.
 */
async function insertTicket(
  ctx: TicketContext,
  customer: TCustomerDoc,
  input: OpenTicketInput,
  files: Awaited<ReturnType<typeof acceptFiles>>,
  source: 'portal' | 'staff',
): Promise<{ ticket: TTicketDoc; attachments: TTicketAttachmentDoc[] }> {
  const now = new Date();
  const author = authorOf(ctx, customer);
  const ticketId = new Types.ObjectId();
  const attachments = await attachFiles(ctx, { _id: ticketId }, files, {
    visibility: 'public',
    uploadedByType: author.authorType,
  });
  const created = await insertWithNextTicketNumber(
    ctx.tenant._id,
    {
      _id: ticketId,
      customerId: customer.customerId,
      title: input.title,
      description: input.description,
      category: input.category,
      priority: input.priority,
      status: 'open',
      source,
      ...(input.assignedTo ? { assignedTo: input.assignedTo } : {}),
      ...(customer.siteId ? { siteId: customer.siteId } : {}),
      ...(source === 'portal' ? { lastCustomerMessageAt: now } : {}),
      statusHistory: [{ from: undefined, to: 'open', by: author.authorId, byType: author.authorType, at: now }],
      diagnostics: diagnosticsSnapshot(customer, now),
      lastActivityAt: now,
    },
    now,
  ).catch(async (err: unknown) => {
    await discardAttachments(ctx, attachments);
    throw err;
  });
  const ticket = created.toObject() as TTicketDoc;
  await notifyTicketCreated(ctx, customer, ticket);
  publishStaffEvent(String(ctx.tenant._id), {
    type: 'ticket.created',
    ticketId: String(ticket._id),
    ticketNumber: ticket.ticketNumber,
  });
  return { ticket, attachments };
}

/** The fields the customer's list shows or counts with: never the description, history or diagnostics. */
const LIST_FIELDS = {
  ticketNumber: 1,
  title: 1,
  category: 1,
  priority: 1,
  status: 1,
  createdAt: 1,
  lastActivityAt: 1,
  lastStaffReplyAt: 1,
  customerLastReadAt: 1,
} as const;
type ListRow = Pick<TTicketDoc, '_id' | keyof typeof LIST_FIELDS>;

/** Newest activity first, then newest id (the order both lists use; ObjectId hex sorts as it was made). */
const byNewestActivity = (a: ListRow, b: ListRow) =>
  b.lastActivityAt.getTime() - a.lastActivityAt.getTime() || (String(a._id) < String(b._id) ? 1 : -1);

/** The statuses a customer's list query asks for (one status, or a group), or undefined for all. */
function statusesOf(query: Pick<TTicketListQuery, 'status' | 'group'>): readonly string[] | undefined {
  if (query.status) return [query.status];
  if (query.group === 'open') return CUSTOMER_OPEN_TICKET_STATUSES;
  if (query.group === 'closed') return CUSTOMER_CLOSED_TICKET_STATUSES;
  return undefined;
}

/**
 * The customer's tickets, newest activity first, each with its count of unread staff replies. The
 * customer is the session's (no customer read: the session already says who it is). A customer has
 * few tickets, so ONE projected read of all of them gives the page, the total and the unread count
 * (every non-`_id` read is a full scan on FerretDB: one read instead of three is what makes this
 * fast there; on MongoDB it uses the tenant/customer index). Only the page's tickets with a staff
 * reply newer than the customer's last read need their messages counted, in a second read.
 */
export async function listTicketsForCustomer(
  ctx: TicketContext,
  query: TTicketListQuery,
): Promise<TCustomerTicketPage> {
  const { customerId } = await requireOwnAccess(ctx, 'ticket.list.own');
  const all = await TicketModel.find({ tenantId: ctx.tenant._id, customerId }, LIST_FIELDS)
    .batchSize(WHOLE_RESULT_BATCH)
    .lean<ListRow[]>();
  const wanted = statusesOf(query);
  const matched = all.filter((w) => !wanted || wanted.includes(w.status)).sort(byNewestActivity);
  const page = matched.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const withUnread = page.filter(hasUnreadStaffReply);
  const replies = withUnread.length
    ? await TicketMessageModel.find(
        {
          tenantId: ctx.tenant._id,
          workOrderId: { $in: withUnread.map((w) => w._id) },
          visibility: 'public',
          authorType: 'staff',
        },
        { workOrderId: 1, createdAt: 1, visibility: 1, authorType: 1 },
      ).lean()
    : [];
  const items = page.map((ticket) =>
    toCustomerTicketSummary(
      ticket,
      replies.filter((m) => String(m.workOrderId) === String(ticket._id) && isUnreadStaffReply(ticket, m)).length,
    ),
  );
  return {
    items,
    page: query.page,
    pageSize: query.pageSize,
    total: matched.length,
    unreadTickets: all.filter(hasUnreadStaffReply).length,
  };
}

/** How many of the customer's tickets have a staff reply newer than the customer's last read. */
export async function countTicketsWithUnreadReplies(
  ctx: Pick<TicketContext, 'tenant'>,
  customerId: string,
): Promise<number> {
  const replied = await TicketModel.find(
    { tenantId: ctx.tenant._id, customerId, lastStaffReplyAt: { $exists: true } },
    { lastStaffReplyAt: 1, customerLastReadAt: 1 },
  ).lean();
  return replied.filter(hasUnreadStaffReply).length;
}

/** The customer's view of a ticket (public messages and files only); staff may open it too. */
export async function getTicketForCustomer(ctx: TicketContext, id: string): Promise<TCustomerTicket> {
  const access = requireAccess(ctx, 'ticket.read', [id]);
  // The public conversation is read in the same round as the ticket (by the id in the path, inside the
  // tenant) and used only once the check has passed: on a 404 it is dropped unseen. One round of
  // reads fewer in sequence, on the page a customer opens most.
  const conversation = isObjectId(id) ? loadConversation(ctx, { _id: new Types.ObjectId(id) }, 'public') : null;
  const [[ticket], loaded] = await Promise.all([access, conversation]);
  if (!loaded) throw AppError.notFound('No such ticket.');
  return toCustomerTicket(ticket, loaded.messages, loaded.attachments, new Date());
}

/** Marks every staff reply so far as read by the customer. */
export async function markReadByCustomer(ctx: TicketContext, id: string): Promise<void> {
  const [ticket] = await requireAccess(ctx, 'ticket.markRead', [id]);
  await TicketModel.updateOne(
    { _id: ticket._id, tenantId: ctx.tenant._id },
    { $set: { customerLastReadAt: new Date() } },
  );
}

export async function getTicketForStaff(ctx: TicketContext, id: string) {
  const [ticket] = await requireAccess(ctx, 'ticket.read.all', [id]);
  return staffViewOf(ctx, ticket);
}

/** The staff view of a ticket already read: its conversation and field changes in one parallel round. */
async function staffViewOf(ctx: TicketContext, ticket: TTicketDoc) {
  const [{ messages, attachments }, changes] = await Promise.all([
    loadConversation(ctx, ticket, 'all'),
    changeHistoryOf(ctx, ticket),
  ]);
  return { ...toStaffTicket(ticket, messages, attachments), changes };
}

/**
 * A staff member opens the ticket: the whole ticket, and their unread mark on it clears (written in
 * the same round as the conversation is read, not after it).
 */
export async function openTicketAsStaff(ctx: TicketContext, id: string) {
  const [ticket] = await requireAccess(ctx, 'ticket.read.all', [id]);
  const [view] = await Promise.all([staffViewOf(ctx, ticket), markOpenedByStaff(ctx, ticket)]);
  return view;
}
