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
const workOrderSchema = new Schema(
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
    statusHistory: { type: [statusChangeSchema], default: [] },
    diagnostics: diagnosticsSchema,
    satisfaction: { rating: Number, comment: String, ratedAt: Date },
    /** Public activity only (messages, status): internal notes do not move a ticket in the customer's list. */
    lastActivityAt: { type: Date, required: true },
    lastStaffReplyAt: Date,
    customerLastReadAt: Date,
    firstResponseAt: Date,
    resolvedAt: Date,
    closedAt: Date,
    /** Demo data marker so the seed can find its own tickets again. */
    seedKey: String,
  },
  { timestamps: true },
);
workOrderSchema.index({ tenantId: 1, ticketNumber: 1 }, { unique: true });
workOrderSchema.index({ tenantId: 1, ticketYear: 1, ticketSeq: -1 });
workOrderSchema.index({ tenantId: 1, customerId: 1, lastActivityAt: -1 });
workOrderSchema.index({ tenantId: 1, status: 1, lastActivityAt: -1 });
workOrderSchema.index({ tenantId: 1, assignedTo: 1, lastActivityAt: -1 });
workOrderSchema.index({ tenantId: 1, seedKey: 1 });

export type TWorkOrderDoc = InferSchemaType<typeof workOrderSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const WorkOrderModel = mongoose.model('WorkOrder', workOrderSchema);

const ticketMessageSchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    workOrderId: { type: Schema.Types.ObjectId, ref: 'WorkOrder', required: true },
    /** `internal` notes are for staff only: customer views, emails and live events read `public` only. */
    visibility: { type: String, enum: ['public', 'internal'], required: true },
    authorType: { type: String, enum: MESSAGE_AUTHOR_TYPES, required: true },
    /** A staff uid or a customerId. Staff-only. */
    authorId: { type: String, required: true },
    authorName: { type: String, required: true },
    body: { type: String, required: true },
  },
  { timestamps: true },
);
ticketMessageSchema.index({ tenantId: 1, workOrderId: 1, createdAt: 1 });
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
