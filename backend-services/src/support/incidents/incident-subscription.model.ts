import mongoose, { Schema } from 'mongoose';

/** "I'm affected — keep me posted": the insert under the unique index is the dedupe. */
const incidentSubscriptionSchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    incidentId: { type: Schema.Types.ObjectId, ref: 'Incident', required: true },
    customerId: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
incidentSubscriptionSchema.index({ tenantId: 1, incidentId: 1, customerId: 1 }, { unique: true });

export const IncidentSubscriptionModel = mongoose.model('IncidentSubscription', incidentSubscriptionSchema);
