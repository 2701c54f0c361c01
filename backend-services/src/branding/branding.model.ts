import mongoose, { Schema } from 'mongoose';
import type { TBranding } from '@wisp/shared';
import { brandingSchema } from '../tenants/tenant.model.ts';

const whoSchema = new Schema({ uid: String, email: String }, { _id: false });

/**
 * The admin's working copy: one per tenant, its `_id` is the tenant's, so every read is by `_id` alone
 * (the one read FerretDB keeps cheap) and the tenant is the key.
 */
const brandingDraftSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    branding: { type: brandingSchema, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: whoSchema,
  },
  { versionKey: false },
);
export type TBrandingDraftDoc = {
  _id: mongoose.Types.ObjectId;
  branding: TBranding;
  updatedAt: Date;
  updatedBy?: { uid: string; email: string } | null;
};
export const BrandingDraftModel = mongoose.model('BrandingDraft', brandingDraftSchema);

/**
 * Every published branding, kept. The version number is decided by inserting under the unique
 * {tenantId, version}: of two admins publishing at once, one gets n and the other n + 1.
 */
const brandingVersionSchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    version: { type: Number, required: true },
    branding: { type: brandingSchema, required: true },
    publishedAt: { type: Date, required: true },
    /** null for the branding the tenant had before its first publish in the studio. */
    publishedBy: whoSchema,
    restoredFrom: Number,
  },
  { versionKey: false },
);
brandingVersionSchema.index({ tenantId: 1, version: 1 }, { unique: true });
export type TBrandingVersionDoc = {
  _id: mongoose.Types.ObjectId;
  tenantId: mongoose.Types.ObjectId;
  version: number;
  branding: TBranding;
  publishedAt: Date;
  publishedBy?: { uid: string; email: string } | null;
  restoredFrom?: number | null;
};
export const BrandingVersionModel = mongoose.model('BrandingVersion', brandingVersionSchema);

/**
 * Images the logo pipeline made, immutable and addressed by their content: `_id` is
 * `<tenantId>:<hash>.<ext>`, so the same image uploaded twice is stored once and served by `_id` alone.
 */
const brandingAssetSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    contentType: { type: String, required: true },
    data: { type: Buffer, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
brandingAssetSchema.index({ tenantId: 1, createdAt: -1 });
export type TBrandingAssetDoc = {
  _id: string;
  tenantId: mongoose.Types.ObjectId;
  contentType: string;
  data: Buffer;
  createdAt: Date;
};
export const BrandingAssetModel = mongoose.model('BrandingAsset', brandingAssetSchema);
