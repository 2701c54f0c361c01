import mongoose, { Schema, type InferSchemaType } from 'mongoose';

/**
 * A ticket linked to an incident (issue 17), `_id` = `<ticketId>:<n>` where n counts the ticket's
 * earlier links: two staff linking the same ticket at once both try the same `_id`, and the unique
 * `_id` lets exactly one of them through (an update's filter could not, on FerretDB). The record of
 * truth; the ticket's `incidentId` / `incidentLinks` are a copy for readers of the ticket.
 */
const incidentTicketLinkSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    incidentId: { type: Schema.Types.ObjectId, ref: 'Incident', required: true },
    ticketId: { type: Schema.Types.ObjectId, ref: 'WorkOrder', required: true },
    customerId: { type: String, required: true },
    linkedAt: { type: Date, required: true },
    /** Staff email, or 'system' for the portal's outage-aware intake. */
    linkedBy: { type: String, required: true },
    unlinkedAt: Date,
  },
  { versionKey: false },
);
incidentTicketLinkSchema.index({ tenantId: 1, incidentId: 1, unlinkedAt: 1 });
incidentTicketLinkSchema.index({ tenantId: 1, ticketId: 1 });
export type TIncidentTicketLinkDoc = InferSchemaType<typeof incidentTicketLinkSchema>;
export const IncidentTicketLinkModel = mongoose.model('IncidentTicketLink', incidentTicketLinkSchema);

/**
 * One incident update posted on one linked ticket, `_id` = `<incidentId>:<updateIndex>:<ticketId>`.
 * Inserting it fixes the id of the public reply (`messageId`) before the reply exists, so however many
 * workers deliver the same update, each ticket gets that one reply: the reply's own `_id` is the dedupe.
 */
const incidentDeliverySchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    incidentId: { type: Schema.Types.ObjectId, ref: 'Incident', required: true },
    updateIndex: { type: Number, required: true },
    ticketId: { type: Schema.Types.ObjectId, ref: 'WorkOrder', required: true },
    customerId: { type: String, required: true },
    messageId: { type: Schema.Types.ObjectId, ref: 'TicketMessage', required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
incidentDeliverySchema.index({ tenantId: 1, incidentId: 1, updateIndex: 1 });
export type TIncidentDeliveryDoc = InferSchemaType<typeof incidentDeliverySchema>;
export const IncidentDeliveryModel = mongoose.model('IncidentDelivery', incidentDeliverySchema);
