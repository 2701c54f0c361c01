import { CLOSED_TICKET_STATUSES, type TCustomerTicketMessage, type TTicketAttachment } from '@wisp/shared';
import { AppError } from '../platform/http/app-error.ts';
import { notifyStaffReply } from '../notifications/ticket-emails.ts';
import { acceptFiles, type UploadedFile } from './ticket-files.ts';
import { attachFiles, authorOf, type TicketContext } from './ticket-context.ts';
import { requireAccess } from '../platform/access/access.ts';
import { findCustomerOrThrow } from '../customers/customers.service.ts';
import { changeStatus } from './ticket-status.service.ts';
import { publishCustomerTicketChange } from './ticket-events.ts';
import { TicketMessageModel, WorkOrderModel, type TTicketMessageDoc, type TWorkOrderDoc } from './work-order.model.ts';
import { toCustomerAttachment, toCustomerMessage, toStaffMessage } from './tickets.views.ts';

/** Inserts a message with its files; if the files cannot be recorded, the message is removed again. */
async function insertMessage(
  ctx: TicketContext,
  wo: TWorkOrderDoc,
  visibility: 'public' | 'internal',
  body: string,
  files: Awaited<ReturnType<typeof acceptFiles>>,
  customerName?: string,
) {
  const author = authorOf(ctx);
  const created = await TicketMessageModel.create({
    tenantId: ctx.tenant._id,
    workOrderId: wo._id,
    visibility,
    ...author,
    ...(customerName ? { authorName: customerName } : {}),
    body,
  });
  const message = created.toObject() as TTicketMessageDoc;
  try {
    const attachments = await attachFiles(ctx, wo, files, {
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
  const [wo] = await requireAccess(ctx, 'ticket.comment', [id]);
  if ((CLOSED_TICKET_STATUSES as readonly string[]).includes(wo.status)) {
    throw new AppError('CONFLICT', 409, 'This ticket is closed. Reopen it to add a comment.');
  }
  const files = await acceptFiles(uploads);
  const customer = await findCustomerOrThrow(ctx.tenant, wo.customerId);
  const { message, attachments } = await insertMessage(
    ctx,
    wo,
    'public',
    body,
    files,
    `${customer.firstName} ${customer.lastName}`,
  );
  await WorkOrderModel.updateOne(
    { _id: wo._id, tenantId: ctx.tenant._id },
    { $set: { lastActivityAt: message.createdAt } },
  );
  const view = toCustomerMessage(message, attachments);
  publishCustomerTicketChange(String(ctx.tenant._id), wo.customerId, {
    type: 'ticket.message',
    ticketId: String(wo._id),
    message: view,
  });
  if (wo.status === 'waiting-on-customer') await changeStatus(ctx, wo, 'open', { followUp: true });
  return view;
}

/**
 * Staff answer the customer. The first public staff reply sets firstResponseAt; a reply to an `open`
 * ticket moves it to in-progress. The customer is emailed and their open pages update.
 */
export async function addPublicReply(ctx: TicketContext, id: string, body: string, uploads: UploadedFile[] = []) {
  const [wo] = await requireAccess(ctx, 'ticket.reply', [id]);
  const files = await acceptFiles(uploads);
  const { message, attachments } = await insertMessage(ctx, wo, 'public', body, files);
  const at = message.createdAt;
  await WorkOrderModel.updateOne(
    { _id: wo._id, tenantId: ctx.tenant._id },
    { $set: { lastActivityAt: at, lastStaffReplyAt: at } },
  );
  if (!wo.firstResponseAt) {
    await WorkOrderModel.updateOne(
      { _id: wo._id, tenantId: ctx.tenant._id, firstResponseAt: { $exists: false } },
      { $set: { firstResponseAt: at } },
    );
  }
  // The reply email says enough; a separate "status changed" email would be noise.
  if (wo.status === 'open') await changeStatus(ctx, wo, 'in-progress', { notify: false, followUp: true });
  // Told only after every write to the work order: an open page answers the event by marking the
  // ticket read, and on FerretDB (no atomic updates) that write would race ours and could undo it.
  publishCustomerTicketChange(String(ctx.tenant._id), wo.customerId, {
    type: 'ticket.message',
    ticketId: String(wo._id),
    message: toCustomerMessage(message, attachments),
  });
  const customer = await findCustomerOrThrow(ctx.tenant, wo.customerId);
  await notifyStaffReply(ctx, customer, wo, message);
  return toStaffMessage(message, attachments);
}

/** A staff-only note: no customer view, no live event, no email, and it does not move the ticket in the customer's list. */
export async function addInternalNote(ctx: TicketContext, id: string, body: string, uploads: UploadedFile[] = []) {
  const [wo] = await requireAccess(ctx, 'ticket.note', [id]);
  const files = await acceptFiles(uploads);
  const { message, attachments } = await insertMessage(ctx, wo, 'internal', body, files);
  return toStaffMessage(message, attachments);
}

/** Files added to a ticket without a comment (the portal's "add photos" button). */
export async function uploadAttachments(
  ctx: TicketContext,
  id: string,
  uploads: UploadedFile[],
): Promise<TTicketAttachment[]> {
  const [wo] = await requireAccess(ctx, 'ticket.upload', [id]);
  if (!uploads.length) throw AppError.validation({ files: 'Choose at least one file.' });
  if ((CLOSED_TICKET_STATUSES as readonly string[]).includes(wo.status)) {
    throw new AppError('CONFLICT', 409, 'This ticket is closed. Reopen it to add files.');
  }
  const files = await acceptFiles(uploads);
  const attachments = await attachFiles(ctx, wo, files, {
    visibility: 'public',
    uploadedByType: authorOf(ctx).authorType,
  });
  await WorkOrderModel.updateOne({ _id: wo._id, tenantId: ctx.tenant._id }, { $set: { lastActivityAt: new Date() } });
  return attachments.map(toCustomerAttachment);
}
