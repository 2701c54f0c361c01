import mongoose, { Schema } from 'mongoose';

/**
 * A staff member's emailed set-password link (an invitation or a password reset), like the customers'
 * SignupLink: `_id` is the SHA-256 of the random code (192 bits) only the email went out with. Redeemed
 * once by inserting an InvitationRedemption under the same hash, then deleted.
 */
const staffLinkSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    uid: { type: String, required: true },
    purpose: { type: String, enum: ['invite', 'reset'], required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
staffLinkSchema.index({ tenantId: 1, uid: 1 });

export type TStaffLinkDoc = {
  _id: string;
  tenantId: string;
  uid: string;
  purpose: 'invite' | 'reset';
  createdAt: Date;
  expiresAt: Date;
};
export const StaffLinkModel = mongoose.model('StaffLink', staffLinkSchema);
