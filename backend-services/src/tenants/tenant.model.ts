import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import type { TBranding } from '@wisp/shared';

/** The one branding shape, shared by the live tenant, the studio's draft and every published version. */
export const brandingSchema = new Schema(
  {
    logo: { url: String, altText: String, favicon: String, emailUrl: String, touchIcon: String, icon512: String },
    colors: {
      primary: { type: String, required: true },
      secondary: { type: String, required: true },
      accent: { type: String, required: true },
      background: { type: String, required: true },
      text: { type: String, required: true },
      textSecondary: { type: String, required: true },
    },
    typography: { fontFamily: String, headingFont: String, bodyFont: String },
    company: {
      name: { type: String, required: true },
      displayName: { type: String, required: true },
      supportEmail: String,
      supportPhone: String,
      supportHours: String,
      website: String,
      address: String,
    },
    portal: {
      welcomeMessage: String,
      footerText: String,
      customCSS: String,
      customDomain: String,
      enableCustomDomain: { type: Boolean, default: false },
    },
    features: {
      enableFAQ: { type: Boolean, default: true },
      enableServiceStatus: { type: Boolean, default: true },
      enableLiveChat: { type: Boolean, default: false },
      enableKnowledgeBase: { type: Boolean, default: true },
    },
  },
  { _id: false },
);

/** A weekly opening window in the tenant's timezone; `day` 0 = Sunday. */
const supportHoursSchema = new Schema({ day: Number, opens: String, closes: String }, { _id: false });

const tenantSchema = new Schema(
  {
    slug: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    subdomain: { type: String, required: true, unique: true },
    domains: { type: [String], default: [] },
    timezone: { type: String, required: true, default: 'America/Chicago' },
    defaultCountry: { type: String, required: true, default: 'US' },
    defaultLocale: { type: String, enum: ['en', 'es'], default: 'en' },
    weeklySupportHours: { type: [supportHoursSchema], default: [] },
    branding: { type: brandingSchema, required: true },
    /** The studio version that is live (absent until the first publish). */
    brandingVersion: Number,
  },
  { timestamps: true },
);
tenantSchema.index({ domains: 1 });

/** Branding is always written through the shared ZBranding schema, so it is typed by it. */
export type TTenantDoc = Omit<InferSchemaType<typeof tenantSchema>, 'branding'> & {
  _id: mongoose.Types.ObjectId;
  branding: TBranding;
};
export const TenantModel = mongoose.model('Tenant', tenantSchema);
