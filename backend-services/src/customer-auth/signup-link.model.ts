import mongoose, { Schema } from 'mongoose';

/**
 * A self sign-up's emailed link: `_id` is the SHA-256 of the random code (192 bits) that only the email
 * went out with. Several may be live for one customer (each sign-up sends a new one): none links
 * anything until it is used, so a stranger's sign-up never stands in the owner's way. Used once
 * (the redemption insert decides), then deleted; expired ones are swept.
 */
const signupLinkSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    customerId: { type: String, required: true },
    /** The email on file the link was sent to: it proves control of that address only. */
    email: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
signupLinkSchema.index({ tenantId: 1, customerId: 1 });

export const SignupLinkModel = mongoose.model('SignupLink', signupLinkSchema);
