import mongoose, { Schema } from 'mongoose';

/**
 * One document per counted attempt (e.g. a failed login). Counting documents in a window holds across
 * backend processes, where an in-memory counter would not, and needs no atomic `$inc` (FerretDB has
 * none). Old documents are deleted by the sweep (`platform/sweeps/`), which also declares the TTL index
 * MongoDB uses (FerretDB has none).
 */
const rateLimitHitSchema = new Schema(
  {
    key: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
rateLimitHitSchema.index({ key: 1, at: 1 });

export const RateLimitHitModel = mongoose.model('RateLimitHit', rateLimitHitSchema);
