import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { TICKET_PRIORITIES } from '@wisp/shared';

const targetSchema = new Schema(
  {
    firstResponseMinutes: { type: Number, required: true },
    resolutionMinutes: { type: Number, required: true },
  },
  { _id: false },
);

/**
 * A tenant's service-level targets, one document per tenant with `_id` = the tenant's id: the queue
 * reads it on every page, and on FerretDB only a read by `_id` stays cheap. Absent: the defaults apply.
 */
const slaPolicySchema = new Schema(
  {
    _id: { type: String, required: true },
    targets: new Schema(Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, { type: targetSchema, required: true }])), {
      _id: false,
    }),
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
export type TSlaPolicyDoc = InferSchemaType<typeof slaPolicySchema>;
export const SlaPolicyModel = mongoose.model('SlaPolicy', slaPolicySchema);
