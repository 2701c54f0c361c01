import mongoose, { Schema } from 'mongoose';

/**
 * One document per counted attempt (e.g. a failed login). Counting documents in a window holds across
 * backend processes, where an in-memory counter would not, and needs no atomic `$inc` (FerretDB has
 * none). Old documents are deleted by a periodic sweep, since FerretDB has no TTL indexes.
 */
const rateLimitHitSchema = new Schema(
  {
    key: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
rateLimitHitSchema.index({ key: 1, at: 1 });
rateLimitHitSchema.index({ at: 1 });

export const RateLimitHitModel = mongoose.model('RateLimitHit', rateLimitHitSchema);
