import { CLOSED_TICKET_STATUSES, OPEN_TICKET_STATUSES, type TCreateTicketRequest, type TCustomerTicket, type TCustomerTicketPage, type TStaffTicketListQuery, type TTicketListQuery, type TTicketPriority } from '@wisp/shared';
import { notifyTicketCreated } from '../notifications/ticket-emails.ts';
import { acceptFiles, type UploadedFile } from './ticket-files.ts';
import { insertWithNextTicketNumber } from './ticket-number.ts';
import { diagnosticsSnapshot } from './diagnostics.ts';
import { attachFiles, authorOf, findCustomerOrThrow, findTicketOrThrow, loadConversation, type TicketContext } from './ticket-context.ts';
import { TicketMessageModel, WorkOrderModel, type TWorkOrderDoc } from './work-order.model.ts';
import { isUnreadStaffReply, toCustomerTicket, toCustomerTicketSummary, toStaffTicket, toStaffTicketSummary } from './tickets.views.ts';

export type OpenTicketInput = Omit<TCreateTicketRequest, 'priority'> & { priority: TTicketPriority; assignedTo?: string };

/**
 * Opens a ticket for `customerId` (by the customer in the portal, or by staff for a customer who phoned
 * in): every file is checked first, then the work order is inserted under the next ticket number with a
 * frozen diagnostics snapshot, then the files are recorded, then support and the customer are emailed.
 */
export async function openTicket(ctx: TicketContext, customerId: string, input: OpenTicketInput, uploads: UploadedFile[] = []): Promise<TWorkOrderDoc> {
  const files = await acceptFiles(uploads);
  const customer = await findCustomerOrThrow(ctx, customerId);
  const now = new Date();
  const author = authorOf(ctx, customer);
  const created = await insertWithNextTicketNumber(
    ctx.tenant._id,
    {
      customerId,
      title: input.title,
      description: input.description,
      category: input.category,
      priority: input.priority,
      status: 'open',
      source: ctx.actor.kind === 'staff' ? 'staff' : 'portal',
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

function statusFilter(query: Pick<TTicketListQuery, 'status' | 'group'>) {
  if (query.status) return { status: query.status };
  if (query.group === 'open') return { status: { $in: [...OPEN_TICKET_STATUSES] } };
  if (query.group === 'closed') return { status: { $in: [...CLOSED_TICKET_STATUSES] } };
  return {};
}

/** The customer's tickets, newest activity first, each with its count of unread staff replies. */
export async function listTicketsForCustomer(ctx: TicketContext, customerId: string, query: TTicketListQuery): Promise<TCustomerTicketPage> {
  await findCustomerOrThrow(ctx, customerId);
  const filter = { tenantId: ctx.tenant._id, customerId, ...statusFilter(query) };
  const [page, total, unreadTickets] = await Promise.all([
    WorkOrderModel.find(filter)
      .sort({ lastActivityAt: -1, _id: -1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean<TWorkOrderDoc[]>(),
    WorkOrderModel.countDocuments(filter),
    countTicketsWithUnreadReplies(ctx, customerId),
  ]);
  const replies = page.length
    ? await TicketMessageModel.find({ tenantId: ctx.tenant._id, workOrderId: { $in: page.map((w) => w._id) }, visibility: 'public', authorType: 'staff' }, { workOrderId: 1, createdAt: 1, visibility: 1, authorType: 1 }).lean()
    : [];
  const items = page.map((wo) => toCustomerTicketSummary(wo, replies.filter((m) => String(m.workOrderId) === String(wo._id) && isUnreadStaffReply(wo, m)).length));
  return { items, page: query.page, pageSize: query.pageSize, total, unreadTickets };
}

/** How many of the customer's tickets have a staff reply newer than the customer's last read. */
export async function countTicketsWithUnreadReplies(ctx: Pick<TicketContext, 'tenant'>, customerId: string): Promise<number> {
  const replied = await WorkOrderModel.find({ tenantId: ctx.tenant._id, customerId, lastStaffReplyAt: { $exists: true } }, { lastStaffReplyAt: 1, customerLastReadAt: 1 }).lean();
  return replied.filter((w) => w.lastStaffReplyAt && (!w.customerLastReadAt || w.lastStaffReplyAt > w.customerLastReadAt)).length;
}

export async function getTicketForCustomer(ctx: TicketContext, customerId: string, id: string): Promise<TCustomerTicket> {
  const wo = await findTicketOrThrow(ctx, id, customerId);
  const { messages, attachments } = await loadConversation(ctx, wo, 'public');
  return toCustomerTicket(wo, messages, attachments, new Date());
}

/** Marks every staff reply so far as read by the customer. Staff looking at the customer's view change nothing. */
export async function markReadByCustomer(ctx: TicketContext, customerId: string, id: string): Promise<void> {
  const wo = await findTicketOrThrow(ctx, id, customerId);
  if (ctx.actor.kind !== 'customer') return;
  await WorkOrderModel.updateOne({ _id: wo._id, tenantId: ctx.tenant._id }, { $set: { customerLastReadAt: new Date() } });
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function listTicketsForStaff(ctx: TicketContext, query: TStaffTicketListQuery) {
  const filter = {
    tenantId: ctx.tenant._id,
    ...statusFilter(query),
    ...(query.priority ? { priority: query.priority } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.assignedTo ? { assignedTo: query.assignedTo } : {}),
    ...(query.customerId ? { customerId: query.customerId } : {}),
    // User text is escaped: FerretDB's regex engine is RE2 and MongoDB's is PCRE; neither may see raw input.
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
  const wo = await findTicketOrThrow(ctx, id);
  const { messages, attachments } = await loadConversation(ctx, wo, 'all');
  return toStaffTicket(wo, messages, attachments);
}
