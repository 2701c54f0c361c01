import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { FAQ_KINDS } from '@wisp/shared';

/** A FAQ entry or a knowledge-base article of one tenant; customers only ever see published ones. */
const faqArticleSchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    kind: { type: String, enum: FAQ_KINDS, required: true },
    category: { type: String, required: true },
    title: { type: String, required: true },
    slug: { type: String, required: true },
    bodyMarkdown: { type: String, default: '' },
    published: { type: Boolean, default: false, required: true },
    order: { type: Number, default: 0 },
  },
  { timestamps: true },
);
faqArticleSchema.index({ tenantId: 1, slug: 1 }, { unique: true });
faqArticleSchema.index({ tenantId: 1, published: 1, category: 1, order: 1 });

export type TFaqArticleDoc = InferSchemaType<typeof faqArticleSchema> & { _id: mongoose.Types.ObjectId };
export const FaqArticleModel = mongoose.model('FaqArticle', faqArticleSchema);
