import {
  CLOSED_TICKET_STATUSES,
  TICKET_REOPEN_WINDOW_DAYS,
  type TCustomerTicket,
  type TCustomerTicketMessage,
  type TCustomerTicketSummary,
  type TTicketAttachment,
  type TTicketCategory,
  type TTicketPriority,
  type TTicketStatus,
} from '@wisp/shared';
import { customerDiagnosticsSummary } from './diagnostics.ts';
import type { TTicketAttachmentDoc, TTicketMessageDoc, TTicketDoc } from './ticket.model.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const isClosedStatus = (s: string) => (CLOSED_TICKET_STATUSES as readonly string[]).includes(s);

/**
 * Customer views are allowlists: each field a customer sees is named here. Internal notes, internal
 * files, staff ids, assignee and raw diagnostics are never read, and a non-public message or file
 * passed in by mistake is dropped, not shown.
 */
export function toCustomerAttachment(a: TTicketAttachmentDoc): TTicketAttachment {
  return {
    id: String(a._id),
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    hasThumbnail: Boolean(a.thumbnailKey),
    inline: a.inline,
    createdAt: a.createdAt.toISOString(),
  };
}

export function toCustomerMessage(m: TTicketMessageDoc, attachments: TTicketAttachmentDoc[]): TCustomerTicketMessage {
  if (m.visibility !== 'public') throw new Error('refusing to build a customer view of an internal message');
  return {
    id: String(m._id),
    authorType: m.authorType,
    authorName: m.authorName,
    body: m.body,
    attachments: attachments
      .filter((a) => a.visibility === 'public' && String(a.messageId) === String(m._id))
      .map(toCustomerAttachment),
    createdAt: m.createdAt.toISOString(),
  };
}

/** What a list row needs of a ticket (the list reads only these). */
export type TCustomerSummarySource = Pick<
  TTicketDoc,
  '_id' | 'ticketNumber' | 'title' | 'category' | 'priority' | 'status' | 'createdAt' | 'lastActivityAt'
>;

export function toCustomerTicketSummary(
  ticket: TCustomerSummarySource,
  unreadStaffReplies: number,
): TCustomerTicketSummary {
  return {
    id: String(ticket._id),
    ticketNumber: ticket.ticketNumber,
    title: ticket.title,
    category: ticket.category as TTicketCategory,
    priority: ticket.priority as TTicketPriority,
    status: ticket.status as TTicketStatus,
    createdAt: ticket.createdAt.toISOString(),
    lastActivityAt: ticket.lastActivityAt.toISOString(),
    unreadStaffReplies,
    hasUnreadStaffReply: unreadStaffReplies > 0,
  };
}

/** Until when the customer may reopen: 14 days after the ticket was resolved or closed. */
export function reopenDeadline(ticket: Pick<TTicketDoc, 'status' | 'resolvedAt' | 'closedAt'>): Date | null {
  if (!isClosedStatus(ticket.status)) return null;
  const since = ticket.status === 'closed' ? (ticket.closedAt ?? ticket.resolvedAt) : ticket.resolvedAt;
  return since ? new Date(since.getTime() + TICKET_REOPEN_WINDOW_DAYS * DAY_MS) : null;
}

/**
 * THE unread rule: a staff reply is unread when it is newer than the customer's last read. Per ticket
 * (`lastStaffReplyAt`, for lists and counts) and per message (for the count on a ticket).
 */
export function hasUnreadStaffReply(w: Pick<TTicketDoc, 'lastStaffReplyAt' | 'customerLastReadAt'>): boolean {
  return Boolean(w.lastStaffReplyAt && isNewerThanLastRead(w, w.lastStaffReplyAt));
}

const isNewerThanLastRead = (ticket: Pick<TTicketDoc, 'customerLastReadAt'>, at: Date) =>
  !ticket.customerLastReadAt || at > ticket.customerLastReadAt;

export function isUnreadStaffReply(
  ticket: Pick<TTicketDoc, 'customerLastReadAt'>,
  m: Pick<TTicketMessageDoc, 'authorType' | 'visibility' | 'createdAt'>,
) {
  return m.visibility === 'public' && m.authorType === 'staff' && isNewerThanLastRead(ticket, m.createdAt);
}

export function toCustomerTicket(
  ticket: TTicketDoc,
  messages: TTicketMessageDoc[],
  attachments: TTicketAttachmentDoc[],
  now: Date,
): TCustomerTicket {
  const publicMessages = messages.filter((m) => m.visibility === 'public');
  const publicFiles = attachments.filter((a) => a.visibility === 'public');
  const deadline = reopenDeadline(ticket);
  const closed = isClosedStatus(ticket.status);
  return {
    ...toCustomerTicketSummary(ticket, publicMessages.filter((m) => isUnreadStaffReply(ticket, m)).length),
    description: ticket.description,
    source: ticket.source,
    resolvedAt: iso(ticket.resolvedAt),
    closedAt: iso(ticket.closedAt),
    statusHistory: ticket.statusHistory.map((h) => ({
      from: (h.from ?? null) as TTicketStatus | null,
      to: h.to as TTicketStatus,
      byType: h.byType,
      at: h.at.toISOString(),
    })),
    messages: publicMessages.map((m) => toCustomerMessage(m, publicFiles)),
    attachments: publicFiles.filter((a) => !a.messageId).map(toCustomerAttachment),
    diagnostics: customerDiagnosticsSummary(ticket.diagnostics),
    satisfaction:
      ticket.satisfaction?.rating && ticket.satisfaction.ratedAt
        ? {
            rating: ticket.satisfaction.rating,
            ...(ticket.satisfaction.comment ? { comment: ticket.satisfaction.comment } : {}),
            ratedAt: ticket.satisfaction.ratedAt.toISOString(),
          }
        : null,
    canClose: ticket.status !== 'closed',
    canComment: !closed,
    canReopen: Boolean(deadline && now < deadline),
    reopenUntil: iso(deadline),
    canRate: closed && !ticket.satisfaction?.rating,
  };
}

/** Staff see everything, internal notes and raw diagnostics included. */
export function toStaffTicketSummary(ticket: TTicketDoc) {
  return {
    id: String(ticket._id),
    ticketNumber: ticket.ticketNumber,
    customerId: ticket.customerId,
    title: ticket.title,
    category: ticket.category,
    priority: ticket.priority,
    status: ticket.status,
    source: ticket.source,
    assignedTo: ticket.assignedTo ?? null,
    createdAt: ticket.createdAt.toISOString(),
    lastActivityAt: ticket.lastActivityAt.toISOString(),
    firstResponseAt: iso(ticket.firstResponseAt),
    resolvedAt: iso(ticket.resolvedAt),
    closedAt: iso(ticket.closedAt),
  };
}

export function toStaffAttachment(a: TTicketAttachmentDoc) {
  return {
    ...toCustomerAttachment(a),
    visibility: a.visibility,
    uploadedByType: a.uploadedByType,
    messageId: a.messageId ? String(a.messageId) : null,
  };
}

export function toStaffMessage(m: TTicketMessageDoc, attachments: TTicketAttachmentDoc[]) {
  return {
    id: String(m._id),
    visibility: m.visibility,
    authorType: m.authorType,
    authorId: m.authorId,
    authorName: m.authorName,
    body: m.body,
    attachments: attachments.filter((a) => String(a.messageId) === String(m._id)).map(toStaffAttachment),
    createdAt: m.createdAt.toISOString(),
  };
}

export function toStaffTicket(ticket: TTicketDoc, messages: TTicketMessageDoc[], attachments: TTicketAttachmentDoc[]) {
  const d = ticket.diagnostics;
  return {
    ...toStaffTicketSummary(ticket),
    description: ticket.description,
    statusHistory: ticket.statusHistory.map((h) => ({
      from: h.from ?? null,
      to: h.to,
      by: h.by,
      byType: h.byType,
      at: h.at.toISOString(),
    })),
    messages: messages.map((m) => toStaffMessage(m, attachments)),
    attachments: attachments.filter((a) => !a.messageId).map(toStaffAttachment),
    diagnostics: d
      ? {
          cpe: d.cpe ?? null,
          signalStrength: d.signalStrength ?? null,
          lastOnline: iso(d.lastOnline),
          ipAddress: d.ipAddress ?? null,
          capturedAt: d.capturedAt.toISOString(),
        }
      : null,
    satisfaction: ticket.satisfaction?.rating
      ? {
          rating: ticket.satisfaction.rating,
          comment: ticket.satisfaction.comment ?? null,
          ratedAt: iso(ticket.satisfaction.ratedAt),
        }
      : null,
    customerLastReadAt: iso(ticket.customerLastReadAt),
  };
}
