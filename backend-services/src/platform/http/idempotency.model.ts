import mongoose, { Schema } from 'mongoose';

/**
 * One document per `Idempotency-Key` a signed-in actor sent with a request that creates something.
 * The insert under the unique `(tenantId, actor, key)` decides which request does the work; the others
 * replay its stored response. `_id` is the hash of the same three, so replays read by `_id` alone.
 */
const idempotencyRecordSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    actor: { type: String, required: true },
    key: { type: String, required: true },
    /** `POST /api/…`: the same key on another request is refused, never replayed. */
    request: { type: String, required: true },
    state: { type: String, enum: ['pending', 'done'], required: true },
    status: { type: Number },
    /** The JSON body as sent (a string: response bodies may hold keys FerretDB cannot store). */
    body: { type: String },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
idempotencyRecordSchema.index({ tenantId: 1, actor: 1, key: 1 }, { unique: true });

export const IdempotencyRecordModel = mongoose.model('IdempotencyRecord', idempotencyRecordSchema);
