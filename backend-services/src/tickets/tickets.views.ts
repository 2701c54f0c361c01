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
import type { TTicketAttachmentDoc, TTicketMessageDoc, TWorkOrderDoc } from './work-order.model.ts';

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

export function toCustomerTicketSummary(wo: TWorkOrderDoc, unreadStaffReplies: number): TCustomerTicketSummary {
  return {
    id: String(wo._id),
    ticketNumber: wo.ticketNumber,
    title: wo.title,
    category: wo.category as TTicketCategory,
    priority: wo.priority as TTicketPriority,
    status: wo.status as TTicketStatus,
    createdAt: wo.createdAt.toISOString(),
    lastActivityAt: wo.lastActivityAt.toISOString(),
    unreadStaffReplies,
    hasUnreadStaffReply: unreadStaffReplies > 0,
  };
}

/** Until when the customer may reopen: 14 days after the ticket was resolved or closed. */
export function reopenDeadline(wo: Pick<TWorkOrderDoc, 'status' | 'resolvedAt' | 'closedAt'>): Date | null {
  if (!isClosedStatus(wo.status)) return null;
  const since = wo.status === 'closed' ? (wo.closedAt ?? wo.resolvedAt) : wo.resolvedAt;
  return since ? new Date(since.getTime() + TICKET_REOPEN_WINDOW_DAYS * DAY_MS) : null;
}

/**
 * THE unread rule: a staff reply is unread when it is newer than the customer's last read. Per ticket
 * (`lastStaffReplyAt`, for lists and counts) and per message (for the count on a ticket).
 */
export function hasUnreadStaffReply(w: Pick<TWorkOrderDoc, 'lastStaffReplyAt' | 'customerLastReadAt'>): boolean {
  return Boolean(w.lastStaffReplyAt && isNewerThanLastRead(w, w.lastStaffReplyAt));
}

const isNewerThanLastRead = (wo: Pick<TWorkOrderDoc, 'customerLastReadAt'>, at: Date) =>
  !wo.customerLastReadAt || at > wo.customerLastReadAt;

export function isUnreadStaffReply(
  wo: Pick<TWorkOrderDoc, 'customerLastReadAt'>,
  m: Pick<TTicketMessageDoc, 'authorType' | 'visibility' | 'createdAt'>,
) {
  return m.visibility === 'public' && m.authorType === 'staff' && isNewerThanLastRead(wo, m.createdAt);
}

export function toCustomerTicket(
  wo: TWorkOrderDoc,
  messages: TTicketMessageDoc[],
  attachments: TTicketAttachmentDoc[],
  now: Date,
): TCustomerTicket {
  const publicMessages = messages.filter((m) => m.visibility === 'public');
  const publicFiles = attachments.filter((a) => a.visibility === 'public');
  const deadline = reopenDeadline(wo);
  const closed = isClosedStatus(wo.status);
  return {
    ...toCustomerTicketSummary(wo, publicMessages.filter((m) => isUnreadStaffReply(wo, m)).length),
    description: wo.description,
    source: wo.source,
    resolvedAt: iso(wo.resolvedAt),
    closedAt: iso(wo.closedAt),
    statusHistory: wo.statusHistory.map((h) => ({
      from: (h.from ?? null) as TTicketStatus | null,
      to: h.to as TTicketStatus,
      byType: h.byType,
      at: h.at.toISOString(),
    })),
    messages: publicMessages.map((m) => toCustomerMessage(m, publicFiles)),
    attachments: publicFiles.filter((a) => !a.messageId).map(toCustomerAttachment),
    diagnostics: customerDiagnosticsSummary(wo.diagnostics),
    satisfaction:
      wo.satisfaction?.rating && wo.satisfaction.ratedAt
        ? {
            rating: wo.satisfaction.rating,
            ...(wo.satisfaction.comment ? { comment: wo.satisfaction.comment } : {}),
            ratedAt: wo.satisfaction.ratedAt.toISOString(),
          }
        : null,
    canClose: wo.status !== 'closed',
    canComment: !closed,
    canReopen: Boolean(deadline && now < deadline),
    reopenUntil: iso(deadline),
    canRate: closed && !wo.satisfaction?.rating,
  };
}

/** Staff see everything, internal notes and raw diagnostics included. */
export function toStaffTicketSummary(wo: TWorkOrderDoc) {
  return {
    id: String(wo._id),
    ticketNumber: wo.ticketNumber,
    customerId: wo.customerId,
    title: wo.title,
    category: wo.category,
    priority: wo.priority,
    status: wo.status,
    source: wo.source,
    assignedTo: wo.assignedTo ?? null,
    createdAt: wo.createdAt.toISOString(),
    lastActivityAt: wo.lastActivityAt.toISOString(),
    firstResponseAt: iso(wo.firstResponseAt),
    resolvedAt: iso(wo.resolvedAt),
    closedAt: iso(wo.closedAt),
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

export function toStaffTicket(wo: TWorkOrderDoc, messages: TTicketMessageDoc[], attachments: TTicketAttachmentDoc[]) {
  const d = wo.diagnostics;
  return {
    ...toStaffTicketSummary(wo),
    description: wo.description,
    statusHistory: wo.statusHistory.map((h) => ({
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
    satisfaction: wo.satisfaction?.rating
      ? {
          rating: wo.satisfaction.rating,
          comment: wo.satisfaction.comment ?? null,
          ratedAt: iso(wo.satisfaction.ratedAt),
        }
      : null,
    customerLastReadAt: iso(wo.customerLastReadAt),
  };
}
