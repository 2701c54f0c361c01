import mongoose, { Schema } from 'mongoose';

/**
 * A custom domain claimed by a tenant. `_id` is the host name, so a domain belongs to one tenant at
 * most, decided by the insert (two tenants claiming it at once: one wins, the other gets 409).
 */
const customDomainSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    token: { type: String, required: true },
    state: { type: String, enum: ['pending', 'verified', 'active'], required: true },
    checkedAt: Date,
    problems: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
customDomainSchema.index({ tenantId: 1 });
export type TCustomDomainDoc = {
  _id: string;
  tenantId: mongoose.Types.ObjectId;
  token: string;
  state: 'pending' | 'verified' | 'active';
  checkedAt?: Date | null;
  problems: string[];
  createdAt: Date;
};
export const CustomDomainModel = mongoose.model('CustomDomain', customDomainSchema);
