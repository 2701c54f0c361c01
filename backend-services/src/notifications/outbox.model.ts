import mongoose, { Schema } from 'mongoose';

/**
 * Every email the portal sends is first written here, then delivered by the outbox worker, so an SMTP
 * outage loses nothing: messages wait and are retried with backoff.
 */
const outboxMessageSchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    kind: { type: String, required: true },
    /** Makes enqueueing idempotent: the same event never produces two emails. */
    dedupeKey: { type: String, required: true },
    to: { type: String, required: true },
    replyTo: String,
    fromName: String,
    subject: { type: String, required: true },
    html: { type: String, required: true },
    text: { type: String, required: true },
    status: { type: String, enum: ['pending', 'sent', 'failed'], default: 'pending', required: true },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lastError: String,
    sentAt: Date,
  },
  { timestamps: true },
);
outboxMessageSchema.index({ tenantId: 1, dedupeKey: 1 }, { unique: true });
outboxMessageSchema.index({ status: 1, nextAttemptAt: 1 });

export const OutboxMessageModel = mongoose.model('OutboxMessage', outboxMessageSchema);

/**
 * One document per delivery attempt, `_id` = `<messageId>:<attempt>`. FerretDB has no atomic update,
 * so a conditional update cannot make one worker the sender; inserting under a unique `_id` can.
 */
const outboxClaimSchema = new Schema(
  { _id: { type: String, required: true }, claimedAt: { type: Date, required: true } },
  { versionKey: false },
);
export const OutboxClaimModel = mongoose.model('OutboxClaim', outboxClaimSchema);
