import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { INCIDENT_KINDS, INCIDENT_STATUSES } from '@wisp/shared';

const incidentUpdateSchema = new Schema(
  {
    at: { type: Date, required: true },
    status: { type: String, enum: INCIDENT_STATUSES, required: true },
    message: { type: String, required: true },
  },
  { _id: false },
);

/**
 * An outage or planned maintenance of one tenant. `affectedSiteIds` match customers' `siteId` (for the
 * outage-aware ticket intake); `affectedAreas` are the display names the public status page shows.
 */
const incidentSchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    kind: { type: String, enum: INCIDENT_KINDS, required: true, default: 'incident' },
    title: { type: String, required: true },
    status: { type: String, enum: INCIDENT_STATUSES, required: true },
    affectedSiteIds: { type: [String], default: [] },
    affectedAreas: { type: [String], default: [] },
    updates: { type: [incidentUpdateSchema], default: [] },
    startedAt: Date,
    resolvedAt: Date,
    scheduledStart: Date,
    scheduledEnd: Date,
    eta: Date,
  },
  { timestamps: true },
);
incidentSchema.index({ tenantId: 1, status: 1, kind: 1 });
incidentSchema.index({ tenantId: 1, resolvedAt: -1 });
incidentSchema.index({ tenantId: 1, title: 1 });

export type TIncidentDoc = InferSchemaType<typeof incidentSchema> & { _id: mongoose.Types.ObjectId };
export const IncidentModel = mongoose.model('Incident', incidentSchema);

/**
 * One document per appended update, `_id` = `<incidentId>:<index>`: inserting it is what decides which
 * index an update gets, so two staff posting at once never share an index (and so never share the
 * subscribers' email dedupe keys). FerretDB updates are not atomic; an insert under `_id` is.
 */
const incidentUpdateClaimSchema = new Schema({ _id: { type: String, required: true }, claimedAt: { type: Date, required: true } });
export const IncidentUpdateClaimModel = mongoose.model('IncidentUpdateClaim', incidentUpdateClaimSchema);
