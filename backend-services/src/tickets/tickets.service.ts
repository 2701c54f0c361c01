import {
  CLOSED_TICKET_STATUSES,
  OPEN_TICKET_STATUSES,
  type TCreateTicketRequest,
  type TCustomerTicket,
  type TCustomerTicketPage,
  type TStaffTicketListQuery,
  type TTicketListQuery,
  type TTicketPriority,
} from '@wisp/shared';
import { notifyTicketCreated } from '../notifications/ticket-emails.ts';
import { acceptFiles, type UploadedFile } from './ticket-files.ts';
import { insertWithNextTicketNumber } from './ticket-number.ts';
import { diagnosticsSnapshot } from './diagnostics.ts';
import { attachFiles, authorOf, loadConversation, type TicketContext } from './ticket-context.ts';
import { requireAccess, requireOwnAccess } from '../platform/access/access.ts';
import { findCustomerOrThrow } from '../customers/customers.service.ts';
import { escapeRegex } from '../platform/util/escape-regex.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { TicketMessageModel, WorkOrderModel, type TWorkOrderDoc } from './work-order.model.ts';
import {
  hasUnreadStaffReply,
  isUnreadStaffReply,
  toCustomerTicket,
  toCustomerTicketSummary,
  toStaffTicket,
  toStaffTicketSummary,
} from './tickets.views.ts';

export type OpenTicketInput = Omit<TCreateTicketRequest, 'priority'> & {
  priority: TTicketPriority;
  assignedTo?: string;
};

/** The signed-in customer opens a ticket in the portal. */
export async function openTicket(
  ctx: TicketContext,
  input: OpenTicketInput,
  uploads: UploadedFile[] = [],
): Promise<TWorkOrderDoc> {
  const { customerId } = await requireOwnAccess(ctx, 'ticket.open.own');
  const files = await acceptFiles(uploads);
  return insertTicket(ctx, await findCustomerOrThrow(ctx.tenant, customerId), input, files, 'portal');
}

/** Staff open a ticket for a customer of the tenant who phoned in. */
export async function openTicketForCustomer(
  ctx: TicketContext,
  customerId: string,
  input: OpenTicketInput,
  uploads: UploadedFile[] = [],
): Promise<TWorkOrderDoc> {
  await requireAccess(ctx, 'ticket.open');
  const files = await acceptFiles(uploads);
  return insertTicket(ctx, await findCustomerOrThrow(ctx.tenant, customerId), input, files, 'staff');
}

/**
 * Every file was checked first; the work order is inserted under the next ticket number with a frozen
 * diagnostics snapshot, then the files are recorded, then support and the customer are emailed.
 */
async function insertTicket(
  ctx: TicketContext,
  customer: TCustomerDoc,
  input: OpenTicketInput,
  files: Awaited<ReturnType<typeof acceptFiles>>,
  source: 'portal' | 'staff',
): Promise<TWorkOrderDoc> {
  const now = new Date();
  const author = authorOf(ctx, customer);
  const created = await insertWithNextTicketNumber(
    ctx.tenant._id,
    {
      customerId: customer.customerId,
      title: input.title,
      description: input.description,
      category: input.category,
      priority: input.priority,
      status: 'open',
      source,
      ...(input.assignedTo ? { assignedTo: input.assignedTo } : {}),
      statusHistory: [{ from: undefined, to: 'open', by: author.authorId, byType: author.authorType, at: now }],
      diagnostics: diagnosticsSnapshot(customer, now),
      lastActivityAt: now,
    },
    now,
  );
  const wo = created.toObject() as TWorkOrderDoc;
  try {
    await attachFiles(ctx, wo, files, { visibility: 'public', uploadedByType: author.authorType });
  } catch (err) {
    await WorkOrderModel.deleteOne({ _id: wo._id, tenantId: ctx.tenant._id });
    throw err;
  }
  await notifyTicketCreated(ctx, customer, wo);
  return wo;
}

/** The statuses a list query asks for (one status, or a group), or undefined for all. */
function statusesOf(query: Pick<TTicketListQuery, 'status' | 'group'>): readonly string[] | undefined {
  if (query.status) return [query.status];
  if (query.group === 'open') return OPEN_TICKET_STATUSES;
  if (query.group === 'closed') return CLOSED_TICKET_STATUSES;
  return undefined;
}

function statusFilter(query: Pick<TTicketListQuery, 'status' | 'group'>) {
  const statuses = statusesOf(query);
  return statuses ? { status: { $in: [...statuses] } } : {};
}

/**
 * The customer's tickets, newest activity first, each with its count of unread staff replies. A
 * customer has few tickets, so one projected read of all of them gives the total and the unread count
 * (every non-`_id` read is a full scan on FerretDB: fewer reads is what makes this fast there).
 */
export async function listTicketsForCustomer(
  ctx: TicketContext,
  query: TTicketListQuery,
): Promise<TCustomerTicketPage> {
  const { customerId } = await requireOwnAccess(ctx, 'ticket.list.own');
  await findCustomerOrThrow(ctx.tenant, customerId);
  const filter = { tenantId: ctx.tenant._id, customerId, ...statusFilter(query) };
  const [page, all] = await Promise.all([
    WorkOrderModel.find(filter)
      .sort({ lastActivityAt: -1, _id: -1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean<TWorkOrderDoc[]>(),
    WorkOrderModel.find(
      { tenantId: ctx.tenant._id, customerId },
      { status: 1, lastStaffReplyAt: 1, customerLastReadAt: 1 },
    ).lean(),
  ]);
  const wanted = statusesOf(query);
  const total = all.filter((w) => !wanted || wanted.includes(w.status)).length;
  // Only tickets with a staff reply newer than the customer's last read need their messages counted.
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
  const items = page.map((wo) =>
    toCustomerTicketSummary(
      wo,
      replies.filter((m) => String(m.workOrderId) === String(wo._id) && isUnreadStaffReply(wo, m)).length,
    ),
  );
  return {
    items,
    page: query.page,
    pageSize: query.pageSize,
    total,
    unreadTickets: all.filter(hasUnreadStaffReply).length,
  };
}

/** How many of the customer's tickets have a staff reply newer than the customer's last read. */
export async function countTicketsWithUnreadReplies(
  ctx: Pick<TicketContext, 'tenant'>,
  customerId: string,
): Promise<number> {
  const replied = await WorkOrderModel.find(
    { tenantId: ctx.tenant._id, customerId, lastStaffReplyAt: { $exists: true } },
    { lastStaffReplyAt: 1, customerLastReadAt: 1 },
  ).lean();
  return replied.filter(hasUnreadStaffReply).length;
}

/** The customer's view of a ticket (public messages and files only); staff may open it too. */
export async function getTicketForCustomer(ctx: TicketContext, id: string): Promise<TCustomerTicket> {
  const [wo] = await requireAccess(ctx, 'ticket.read', [id]);
  const { messages, attachments } = await loadConversation(ctx, wo, 'public');
  return toCustomerTicket(wo, messages, attachments, new Date());
}

/** Marks every staff reply so far as read by the customer. */
export async function markReadByCustomer(ctx: TicketContext, id: string): Promise<void> {
  const [wo] = await requireAccess(ctx, 'ticket.markRead', [id]);
  await WorkOrderModel.updateOne(
    { _id: wo._id, tenantId: ctx.tenant._id },
    { $set: { customerLastReadAt: new Date() } },
  );
}

export async function listTicketsForStaff(ctx: TicketContext, query: TStaffTicketListQuery) {
  await requireAccess(ctx, 'ticket.list');
  const filter = {
    tenantId: ctx.tenant._id,
    ...statusFilter(query),
    ...(query.priority ? { priority: query.priority } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.assignedTo ? { assignedTo: query.assignedTo } : {}),
    ...(query.customerId ? { customerId: query.customerId } : {}),
    ...(query.q ? { title: { $regex: escapeRegex(query.q), $options: 'i' } } : {}),
  };
  const [page, total] = await Promise.all([
    WorkOrderModel.find(filter)
      .sort({ lastActivityAt: -1, _id: -1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean<TWorkOrderDoc[]>(),
    WorkOrderModel.countDocuments(filter),
  ]);
  return { items: page.map(toStaffTicketSummary), page: query.page, pageSize: query.pageSize, total };
}

export async function getTicketForStaff(ctx: TicketContext, id: string) {
  const [wo] = await requireAccess(ctx, 'ticket.read.all', [id]);
  const { messages, attachments } = await loadConversation(ctx, wo, 'all');
  return toStaffTicket(wo, messages, attachments);
}
