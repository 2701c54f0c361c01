import mongoose, { Schema } from 'mongoose';
import { AUDIT_ACTIONS } from '@wisp/shared';

/** One row per change staff make; rows are only inserted, never updated. */
const auditEntrySchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    at: { type: Date, required: true },
    actor: {
      uid: { type: String, required: true },
      email: { type: String, required: true },
      role: { type: String, enum: ['admin', 'staff'], required: true },
    },
    action: { type: String, enum: AUDIT_ACTIONS, required: true },
    target: {
      kind: { type: String, required: true },
      id: { type: String, required: true },
      label: String,
    },
    summary: String,
  },
  { versionKey: false },
);
// Newest first for the admin's page, narrowed by action or by target.
auditEntrySchema.index({ tenantId: 1, at: -1 });
auditEntrySchema.index({ tenantId: 1, action: 1, at: -1 });
auditEntrySchema.index({ tenantId: 1, 'target.kind': 1, 'target.id': 1, at: -1 });
// The audit log filtered by who did it.
auditEntrySchema.index({ tenantId: 1, 'actor.email': 1, at: -1 });

export type TAuditEntryDoc = {
  _id: mongoose.Types.ObjectId;
  tenantId: mongoose.Types.ObjectId;
  at: Date;
  actor: { uid: string; email: string; role: 'admin' | 'staff' };
  action: string;
  target: { kind: string; id: string; label?: string | null };
  summary?: string | null;
};
export const AuditEntryModel = mongoose.model('AuditEntry', auditEntrySchema);
