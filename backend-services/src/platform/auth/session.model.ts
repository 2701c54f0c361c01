import mongoose, { Schema } from 'mongoose';

/**
 * A signed-in browser. `_id` is the SHA-256 of the cookie's token, so the hot lookup on every request
 * is an `_id` lookup (the only indexed read on FerretDB) and a leaked database row is not a cookie.
 * Revoking a session deletes it; expired ones are deleted by the sweep (`platform/sweeps/`, with TTL
 * indexes on MongoDB).
 */
const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    actorKind: { type: String, enum: ['customer', 'staff'], required: true },
    uid: { type: String, required: true },
    customerId: String,
    role: { type: String, enum: ['admin', 'staff'] },
    email: String,
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    absoluteExpiresAt: { type: Date, required: true },
    userAgent: String,
    /**
     * A view-as row (staff viewing the portal as `customerId`, read-only): valid only beside the live
     * staff session it names, and only through its own cookie, never as a session cookie.
     */
    viewAs: {
      type: new Schema(
        {
          staffUid: { type: String, required: true },
          staffEmail: { type: String, required: true },
          staffRole: { type: String, enum: ['admin', 'staff'], required: true },
          staffSessionId: { type: String, required: true },
          customerName: { type: String, required: true },
        },
        { _id: false },
      ),
      default: undefined,
    },
  },
  { versionKey: false },
);
sessionSchema.index({ tenantId: 1, uid: 1 });
sessionSchema.index({ tenantId: 1, 'viewAs.staffSessionId': 1 });

export const SessionModel = mongoose.model('Session', sessionSchema);
