import mongoose, { Schema } from 'mongoose';

/**
 * "This customer's portal account is being created/linked", decided by inserting under `_id`
 * `<tenantId>:<customerId>`. Two concurrent sign-ups (or a sign-up and an invitation) cannot both link a
 * Firebase uid: FerretDB updates are not atomic, a unique `_id` insert is. Deleted again when the
 * attempt fails, so the customer can retry.
 */
const portalAccountClaimSchema = new Schema(
  { _id: { type: String, required: true }, via: { type: String, enum: ['signup', 'invitation'], required: true }, claimedAt: { type: Date, required: true } },
  { versionKey: false },
);
export const PortalAccountClaimModel = mongoose.model('PortalAccountClaim', portalAccountClaimSchema);

export const claimIdOf = (tenantId: string, customerId: string) => `${tenantId}:${customerId}`;

/** One per invitation code ever redeemed, `_id` = the code's hash: the insert makes a code single use. */
const invitationRedemptionSchema = new Schema(
  { _id: { type: String, required: true }, tenantId: { type: Schema.Types.ObjectId, required: true }, customerId: String, redeemedAt: { type: Date, required: true } },
  { versionKey: false },
);
export const InvitationRedemptionModel = mongoose.model('InvitationRedemption', invitationRedemptionSchema);
