import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import {
  MESSAGE_AUTHOR_TYPES,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  TICKET_SOURCES,
  TICKET_STATUSES,
} from '@wisp/shared';

const statusChangeSchema = new Schema(
  {
    from: { type: String, enum: TICKET_STATUSES },
    to: { type: String, enum: TICKET_STATUSES, required: true },
    /** Who moved it: the staff member's email, the customerId, or 'system'. Staff-only. */
    by: { type: String, required: true },
    byType: { type: String, enum: MESSAGE_AUTHOR_TYPES, required: true },
    at: { type: Date, required: true },
  },
  { _id: true },
);

/** Frozen at creation so staff see the equipment as it was when the problem was reported. */
const diagnosticsSchema = new Schema(
  {
    cpe: { make: String, model: String, serialNumber: String, macAddress: String, firmware: String },
    signalStrength: Number,
    lastOnline: Date,
    ipAddress: String,
    capturedAt: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * One ticket of one tenant, shared by the customer portal and the staff (maintain) module. The
 * conversation lives in TicketMessage and the files in TicketAttachment: both are written by inserts,
 * which FerretDB performs atomically, unlike `$push` to a shared document.
 */
const ticketSchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    /** `TKT-<year>-<seq>`; the unique index below is what makes it unique per tenant (see ticket-number.ts). */
    ticketNumber: { type: String, required: true },
    ticketYear: { type: Number, required: true },
    ticketSeq: { type: Number, required: true },
    customerId: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    category: { type: String, enum: TICKET_CATEGORIES, required: true },
    priority: { type: String, enum: TICKET_PRIORITIES, required: true },
    status: { type: String, enum: TICKET_STATUSES, required: true, default: 'open' },
    source: { type: String, enum: TICKET_SOURCES, required: true },
    assignedTo: String,
    /** The customer's service site when the ticket was opened (queue filter, active-incident match). */
    siteId: String,
    statusHistory: { type: [statusChangeSchema], default: [] },
    diagnostics: diagnosticsSchema,
    satisfaction: { rating: Number, comment: String, ratedAt: Date },
    /** Public activity only (messages, status): internal notes do not move a ticket in the customer's list. */
    lastActivityAt: { type: Date, required: true },
    lastStaffReplyAt: Date,
    /** The customer's newest message (the ticket itself when they opened it): the desk's unread mark and sort. */
    lastCustomerMessageAt: Date,
    customerLastReadAt: Date,
    firstResponseAt: Date,
    resolvedAt: Date,
    closedAt: Date,
    /**
     * The incident the ticket is linked to now (issue 17), and every link it had: a copy of the
     * IncidentTicketLink documents (the record of truth), read by the SLA clocks to pause while linked.
     */
    incidentId: String,
    incidentLinks: {
      type: [new Schema({ incidentId: String, linkedAt: Date, unlinkedAt: Date }, { _id: false })],
      default: [],
    },
    /** Demo data marker so the seed can find its own tickets again. */
    seedKey: String,
  },
  { timestamps: true },
);
ticketSchema.index({ tenantId: 1, ticketNumber: 1 }, { unique: true });
ticketSchema.index({ tenantId: 1, ticketYear: 1, ticketSeq: -1 });
ticketSchema.index({ tenantId: 1, customerId: 1, lastActivityAt: -1 });
ticketSchema.index({ tenantId: 1, status: 1, lastActivityAt: -1 });
ticketSchema.index({ tenantId: 1, assignedTo: 1, lastActivityAt: -1 });
ticketSchema.index({ tenantId: 1, seedKey: 1 });
ticketSchema.index({ tenantId: 1, resolvedAt: -1 });
ticketSchema.index({ tenantId: 1, closedAt: -1 });
ticketSchema.index({ tenantId: 1, incidentId: 1 });
// The satisfaction report (ratings in a period) and the desk stream's replay (tickets changed since).
ticketSchema.index({ tenantId: 1, 'satisfaction.ratedAt': -1 });
ticketSchema.index({ tenantId: 1, updatedAt: -1 });

export type TTicketDoc = InferSchemaType<typeof ticketSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
// The model and collection keep the product plan's name (`WorkOrder`, `workorders`): stored data stays as it is.
export const TicketModel = mongoose.model('WorkOrder', ticketSchema);

const ticketMessageSchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    /** The ticket (stored under the collection's name). */
    workOrderId: { type: Schema.Types.ObjectId, ref: 'WorkOrder', required: true },
    /** `internal` notes are for staff only: customer views, emails and live events read `public` only. */
    visibility: { type: String, enum: ['public', 'internal'], required: true },
    authorType: { type: String, enum: MESSAGE_AUTHOR_TYPES, required: true },
    /** The staff member's email or the customerId. Staff-only. */
    authorId: { type: String, required: true },
    authorName: { type: String, required: true },
    body: { type: String, required: true },
  },
  { timestamps: true },
);
ticketMessageSchema.index({ tenantId: 1, workOrderId: 1, createdAt: 1 });
// The desk stream's replay: messages of the tenant since a time.
ticketMessageSchema.index({ tenantId: 1, createdAt: 1 });
export type TTicketMessageDoc = InferSchemaType<typeof ticketMessageSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
};
export const TicketMessageModel = mongoose.model('TicketMessage', ticketMessageSchema);

const ticketAttachmentSchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    workOrderId: { type: Schema.Types.ObjectId, ref: 'WorkOrder', required: true },
    /** The message it came with, if any; its visibility decides who may see the file. */
    messageId: { type: Schema.Types.ObjectId, ref: 'TicketMessage' },
    visibility: { type: String, enum: ['public', 'internal'], required: true },
    uploadedByType: { type: String, enum: MESSAGE_AUTHOR_TYPES, required: true },
    /** Random storage keys, never derived from the user's file name. */
    storageKey: { type: String, required: true },
    thumbnailKey: String,
    fileName: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    inline: { type: Boolean, required: true },
  },
  { timestamps: true },
);
ticketAttachmentSchema.index({ tenantId: 1, workOrderId: 1, createdAt: 1 });
// The orphan-file sweep: rows older than its grace, across tenants.
ticketAttachmentSchema.index({ createdAt: 1 });
// The orphan-file sweep asks whether any row still names a stored file (or its thumbnail).
ticketAttachmentSchema.index({ storageKey: 1 });
ticketAttachmentSchema.index({ thumbnailKey: 1 });
export type TTicketAttachmentDoc = InferSchemaType<typeof ticketAttachmentSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
};
export const TicketAttachmentModel = mongoose.model('TicketAttachment', ticketAttachmentSchema);

/**
 * Things that may happen once per ticket (e.g. the rating): the first insert of `_id` wins, because a
 * conditional update is not atomic on FerretDB.
 */
const ticketClaimSchema = new Schema(
  { _id: { type: String, required: true }, claimedAt: { type: Date, required: true } },
  { versionKey: false },
);
export const TicketClaimModel = mongoose.model('TicketClaim', ticketClaimSchema);

/**
 * The history of a ticket's priority, category and assignee (status has its own history on the
 * ticket): one inserted document per change, so concurrent changes never overwrite each other.
 */
const ticketChangeSchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    workOrderId: { type: Schema.Types.ObjectId, ref: 'WorkOrder', required: true },
    field: { type: String, enum: ['priority', 'category', 'assignee'], required: true },
    from: String,
    to: String,
    /** The staff member's email. */
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
ticketChangeSchema.index({ tenantId: 1, workOrderId: 1, at: 1 });
export type TTicketChangeDoc = InferSchemaType<typeof ticketChangeSchema> & { _id: mongoose.Types.ObjectId };
export const TicketChangeModel = mongoose.model('TicketChange', ticketChangeSchema);

/** When a staff member last opened a ticket (`_id` = `<ticketId>:<email>`): the desk's unread mark. */
const ticketStaffReadSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    workOrderId: { type: Schema.Types.ObjectId, ref: 'WorkOrder', required: true },
    staffEmail: { type: String, required: true },
    readAt: { type: Date, required: true },
  },
  { versionKey: false },
);
ticketStaffReadSchema.index({ tenantId: 1, staffEmail: 1, workOrderId: 1 });
export const TicketStaffReadModel = mongoose.model('TicketStaffRead', ticketStaffReadSchema);
