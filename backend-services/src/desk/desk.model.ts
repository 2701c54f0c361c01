import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { TICKET_STATUSES } from '@wisp/shared';

/** A staff member's own saved queue filter: a name and the queue's query string. */
const savedViewSchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    ownerEmail: { type: String, required: true },
    name: { type: String, required: true },
    query: { type: String, default: '' },
  },
  { timestamps: true },
);
savedViewSchema.index({ tenantId: 1, ownerEmail: 1, name: 1 }, { unique: true });
export type TSavedViewDoc = InferSchemaType<typeof savedViewSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date };
export const SavedViewModel = mongoose.model('DeskSavedView', savedViewSchema);

/** A canned answer with `{{variables}}`: tenant-wide (admins manage) or one staff member's own. */
const savedReplySchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    scope: { type: String, enum: ['tenant', 'personal'], required: true },
    /** The owner of a personal reply; the author of a tenant-wide one. */
    ownerEmail: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    setStatus: { type: String, enum: TICKET_STATUSES },
  },
  { timestamps: true },
);
savedReplySchema.index({ tenantId: 1, scope: 1, ownerEmail: 1 });
export type TSavedReplyDoc = InferSchemaType<typeof savedReplySchema> & {
  _id: mongoose.Types.ObjectId;
  updatedAt: Date;
};
export const SavedReplyModel = mongoose.model('DeskSavedReply', savedReplySchema);
