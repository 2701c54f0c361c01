import {
  CLOSED_TICKET_STATUSES,
  type TCustomerTicketMessage,
  type TStaffMessageRequest,
  type TTicketAttachment,
  type TTicketStatus,
} from '@wisp/shared';
import { AppError } from '../platform/http/app-error.ts';
import { notifyStaffOfCustomerMessage, notifyStaffReply } from '../notifications/ticket-emails.ts';
import { acceptFiles, type UploadedFile } from './ticket-files.ts';
import { attachFiles, authorOf, loadConversation, type TicketContext } from './ticket-context.ts';
import { requireAccess } from '../platform/access/access.ts';
import { findCustomerOrThrow } from '../customers/customers.service.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { portalUrl } from '../tenants/portal-url.ts';
import { fillVariables, findUsableReply } from '../desk/saved-replies.service.ts';
import { canMove, changeStatus } from './ticket-status.service.ts';
import { publishCustomerTicketChange, publishStaffEvent } from './ticket-events.ts';
import { TicketMessageModel, TicketModel, type TTicketMessageDoc, type TTicketDoc } from './ticket.model.ts';
import { toCustomerAttachment, toCustomerMessage, toStaffMessage } from './tickets.views.ts';

/** Inserts a message with its files; if the files cannot be recorded, the message is removed again. */
async function insertMessage(
  ctx: TicketContext,
  ticket: TTicketDoc,
  visibility: 'public' | 'internal',
  body: string,
  files: Awaited<ReturnType<typeof acceptFiles>>,
  customerName?: string,
) {
  const author = authorOf(ctx);
  const created = await TicketMessageModel.create({
    tenantId: ctx.tenant._id,
    workOrderId: ticket._id,
    visibility,
    ...author,
    ...(customerName ? { authorName: customerName } : {}),
    body,
  });
  const message = created.toObject() as TTicketMessageDoc;
  try {
    const attachments = await attachFiles(ctx, ticket, files, {
      messageId: message._id,
      visibility,
      uploadedByType: author.authorType,
    });
    return { message, attachments };
  } catch (err) {
    await TicketMessageModel.deleteOne({ _id: message._id, tenantId: ctx.tenant._id });
    throw err;
  }
}

/** The customer adds a public comment (with optional files). A ticket waiting on them goes back to open. */
export async function addCustomerComment(
  ctx: TicketContext,
  id: string,
  body: string,
  uploads: UploadedFile[] = [],
): Promise<TCustomerTicketMessage> {
  const [ticket] = await requireAccess(ctx, 'ticket.comment', [id]);
  if ((CLOSED_TICKET_STATUSES as readonly string[]).includes(ticket.status)) {
    throw new AppError('CONFLICT', 409, 'This ticket is closed. Reopen it to add a comment.');
  }
  const files = await acceptFiles(uploads);
  const customer = await findCustomerOrThrow(ctx.tenant, ticket.customerId);
  const { message, attachments } = await insertMessage(
    ctx,
    ticket,
    'public',
    body,
    files,
    `${customer.firstName} ${customer.lastName}`,
  );
  await TicketModel.updateOne(
    { _id: ticket._id, tenantId: ctx.tenant._id },
    { $set: { lastActivityAt: message.createdAt, lastCustomerMessageAt: message.createdAt } },
  );
  const view = toCustomerMessage(message, attachments);
  publishCustomerTicketChange(String(ctx.tenant._id), ticket.customerId, {
    type: 'ticket.message',
    ticketId: String(ticket._id),
    message: view,
  });
  if (ticket.status === 'waiting-on-customer') await changeStatus(ctx, ticket, 'open', { followUp: true });
  await notifyStaffOfCustomerMessage(ctx, customer, ticket, message);
  return view;
}

/** What a staff composer sends: the text, the newest message it showed, and the saved reply it used. */
export type StaffMessageInput = Pick<TStaffMessageRequest, 'body' | 'lastSeenMessageId' | 'confirm' | 'savedReplyId'>;

/**
 * Checks a staff message before anything is written: newer messages than the composer showed → 409
 * with them (unless confirmed); variables filled from the ticket's facts (unknown → 400); the saved
 * reply's status must be a move the ticket can make. Returns the text to store and the status to set.
 */
async function prepareStaffMessage(
  ctx: TicketContext,
  ticket: TTicketDoc,
  customer: TCustomerDoc,
  input: StaffMessageInput,
  statusAfterSend: TTicketStatus,
): Promise<{ body: string; setStatus: TTicketStatus | null }> {
  if (input.lastSeenMessageId && !input.confirm) {
    const { messages, attachments } = await loadConversation(ctx, ticket, 'all');
    const seenAt = messages.findIndex((m) => String(m._id) === input.lastSeenMessageId);
    if (seenAt < 0) throw AppError.validation({ lastSeenMessageId: 'This message is not on the ticket.' });
    const me = authorOf(ctx).authorId;
    const newer = messages.slice(seenAt + 1).filter((m) => m.authorId !== me);
    if (newer.length) {
      throw new AppError(
        'CONFLICT',
        409,
        `${newer.length} new message${newer.length > 1 ? 's' : ''} arrived since you started writing. Read them, then send again.`,
        undefined,
        undefined,
        { newMessages: newer.map((m) => toStaffMessage(m, attachments)) },
      );
    }
  }
  const saved = input.savedReplyId ? await findUsableReply(ctx, input.savedReplyId) : null;
  const setStatus = (saved?.setStatus ?? null) as TTicketStatus | null;
  if (setStatus && !canMove(statusAfterSend, setStatus))
    throw AppError.validation({ savedReplyId: `This ticket cannot be moved to ${setStatus}.` });
  const body = fillVariables(input.body, {
    'customer.firstName': customer.firstName,
    'customer.lastName': customer.lastName,
    'customer.name': `${customer.firstName} ${customer.lastName}`,
    'customer.id': customer.customerId,
    'ticket.number': ticket.ticketNumber,
    'ticket.title': ticket.title,
    'ticket.url': portalUrl(ctx.tenant, ctx.portalUrlTemplate, `/tickets/${String(ticket._id)}`),
    'portal.url': portalUrl(ctx.tenant, ctx.portalUrlTemplate, ''),
    'company.name': ctx.tenant.branding.company.displayName,
    'agent.email': authorOf(ctx).authorId,
  });
  return { body, setStatus };
}

/**
 * Staff answer the customer. The first public staff reply sets firstResponseAt; a reply to an `open`
 * ticket moves it to in-progress (or to the saved reply's status). The customer is emailed and their
 * open pages update.
 */
export async function addPublicReply(
  ctx: TicketContext,
  id: string,
  input: StaffMessageInput,
  uploads: UploadedFile[] = [],
) {
  const [ticket] = await requireAccess(ctx, 'ticket.reply', [id]);
  const customer = await findCustomerOrThrow(ctx.tenant, ticket.customerId);
  const afterSend = (ticket.status === 'open' ? 'in-progress' : ticket.status) as TTicketStatus;
  const { body, setStatus } = await prepareStaffMessage(ctx, ticket, customer, input, afterSend);
  const files = await acceptFiles(uploads);
  const { message, attachments } = await insertMessage(ctx, ticket, 'public', body, files);
  const at = message.createdAt;
  await TicketModel.updateOne(
    { _id: ticket._id, tenantId: ctx.tenant._id },
    { $set: { lastActivityAt: at, lastStaffReplyAt: at } },
  );
  if (!ticket.firstResponseAt) {
    await TicketModel.updateOne(
      { _id: ticket._id, tenantId: ctx.tenant._id, firstResponseAt: { $exists: false } },
      { $set: { firstResponseAt: at } },
    );
  }
  // The reply email says enough; a separate "status changed" email would be noise.
  let current = ticket;
  if (ticket.status === 'open')
    current = await changeStatus(ctx, ticket, 'in-progress', { notify: false, followUp: true });
  if (setStatus) await changeStatus(ctx, current, setStatus, { notify: false, followUp: true });
  // Told only after every write to the ticket: an open page answers the event by marking the
  // ticket read, and on FerretDB (no atomic updates) that write would race ours and could undo it.
  publishCustomerTicketChange(String(ctx.tenant._id), ticket.customerId, {
    type: 'ticket.message',
    ticketId: String(ticket._id),
    message: toCustomerMessage(message, attachments),
  });
  await notifyStaffReply(ctx, customer, ticket, message);
  return toStaffMessage(message, attachments);
}

/**
 * A staff-only note: no customer view, no customer event, no email, and it does not move the ticket in
 * the customer's list. Staff pages hear of it on the tenant's channel (id only).
 */
export async function addInternalNote(
  ctx: TicketContext,
  id: string,
  input: StaffMessageInput,
  uploads: UploadedFile[] = [],
) {
  const [ticket] = await requireAccess(ctx, 'ticket.note', [id]);
  const customer = await findCustomerOrThrow(ctx.tenant, ticket.customerId);
  const { body, setStatus } = await prepareStaffMessage(ctx, ticket, customer, input, ticket.status as TTicketStatus);
  const files = await acceptFiles(uploads);
  const { message, attachments } = await insertMessage(ctx, ticket, 'internal', body, files);
  if (setStatus) await changeStatus(ctx, ticket, setStatus, { notify: true, followUp: true });
  publishStaffEvent(String(ctx.tenant._id), {
    type: 'ticket.note',
    ticketId: String(ticket._id),
    messageId: String(message._id),
  });
  return toStaffMessage(message, attachments);
}

/** Files added to a ticket without a comment (the portal's "add photos" button). */
export async function uploadAttachments(
  ctx: TicketContext,
  id: string,
  uploads: UploadedFile[],
): Promise<TTicketAttachment[]> {
  const [ticket] = await requireAccess(ctx, 'ticket.upload', [id]);
  if (!uploads.length) throw AppError.validation({ files: 'Choose at least one file.' });
  if ((CLOSED_TICKET_STATUSES as readonly string[]).includes(ticket.status)) {
    throw new AppError('CONFLICT', 409, 'This ticket is closed. Reopen it to add files.');
  }
  const files = await acceptFiles(uploads);
  const attachments = await attachFiles(ctx, ticket, files, {
    visibility: 'public',
    uploadedByType: authorOf(ctx).authorType,
  });
  await TicketModel.updateOne({ _id: ticket._id, tenantId: ctx.tenant._id }, { $set: { lastActivityAt: new Date() } });
  return attachments.map(toCustomerAttachment);
}
