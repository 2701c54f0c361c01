import mongoose, { Schema } from 'mongoose';
import { STAFF_MEMBER_STATUSES, STAFF_ROLES } from '@wisp/shared';

/**
 * A staff member of one tenant, beside their Firebase user (which holds the password and the
 * `{ role, tenantId }` claims the sign-in reads). This row is what the Team page lists and changes.
 */
const staffMemberSchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    uid: { type: String, required: true },
    email: { type: String, required: true, lowercase: true, trim: true },
    name: { type: String, required: true },
    role: { type: String, enum: STAFF_ROLES, required: true },
    status: { type: String, enum: STAFF_MEMBER_STATUSES, required: true, default: 'active' },
    invitedBy: String,
    lastSignInAt: Date,
  },
  { timestamps: true, versionKey: false },
);
staffMemberSchema.index({ tenantId: 1, email: 1 }, { unique: true });
staffMemberSchema.index({ tenantId: 1, uid: 1 }, { unique: true });

export type TStaffMemberDoc = {
  _id: mongoose.Types.ObjectId;
  tenantId: mongoose.Types.ObjectId;
  uid: string;
  email: string;
  name: string;
  role: 'admin' | 'staff';
  status: 'active' | 'invited' | 'disabled';
  invitedBy?: string | null;
  lastSignInAt?: Date | null;
};
export const StaffMemberModel = mongoose.model('StaffMember', staffMemberSchema);

/**
 * One per tenant while a change that could remove an admin is being decided: inserting it (under the
 * unique `_id`) is what makes two such changes take turns, since FerretDB updates are not atomic. A
 * row older than LOCK_STALE_MS is from a crashed request and may be taken over.
 */
const teamChangeLockSchema = new Schema({ _id: { type: String, required: true }, at: { type: Date, required: true } });
export const TeamChangeLockModel = mongoose.model('TeamChangeLock', teamChangeLockSchema);
