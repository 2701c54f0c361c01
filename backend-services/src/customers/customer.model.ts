import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { calendarDateFrom, LOCALES, PORTAL_ACCOUNT_STATUSES, SERVICE_STATUSES } from '@wisp/shared';

const equipmentSchema = new Schema(
  {
    type: { type: String, required: true },
    make: String,
    model: String,
    serialNumber: String,
    macAddress: String,
    firmware: String,
    installedAt: Date,
  },
  { _id: false },
);

const installationSchema = new Schema(
  {
    date: { type: Date, required: true },
    type: { type: String, required: true },
    technicianFirstName: String,
    customerNotes: String,
    /** Staff-only; never part of a customer view. */
    internalNotes: String,
  },
  { _id: false },
);

const customerSchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    customerId: { type: String, required: true },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    email: { type: String, lowercase: true, trim: true },
    /** E.164, normalised with the tenant's default country on the way in. */
    primaryPhone: String,
    /** More numbers staff may find the customer by (E.164, like the primary one); not used to sign in. */
    additionalPhones: { type: [String], default: undefined },
    serviceAddress: { street: String, city: String, state: String, postalCode: String, country: String },
    serviceStatus: { type: String, enum: SERVICE_STATUSES, default: 'pending', required: true },
    servicePlan: { planName: String, downloadMbps: Number, uploadMbps: Number, monthlyFee: Number },
    /**
     * A calendar date (`YYYY-MM-DD`), not an instant: a bill is due on a day wherever the customer is.
     * Rows written before stored a midnight-UTC Date; the cast reads those as their UTC day.
     */
    nextBillingDate: {
      type: String,
      cast: (v: unknown) => {
        const date = calendarDateFrom(v);
        if (date === null) throw new Error('nextBillingDate must be a date written as YYYY-MM-DD');
        return date;
      },
    },
    equipment: { type: [equipmentSchema], default: [] },
    networkInfo: { signalStrength: Number, lastOnline: Date, ipAddress: String },
    installations: { type: [installationSchema], default: [] },
    siteId: String,
    /** Language of the emails sent to this customer; the tenant's default when unset. */
    preferredLocale: { type: String, enum: LOCALES },
    portalAccess: {
      enabled: { type: Boolean, default: true },
      // No default: FerretDB ignores `sparse`, so an explicit null would collide under the unique index.
      firebaseUid: String,
      accountStatus: { type: String, enum: PORTAL_ACCOUNT_STATUSES },
      /** SHA-256 (hex) of the invitation code; the code itself exists only in the emailed link. */
      accessCode: String,
      accessCodeExpires: Date,
      /** When the latest invitation was sent (shown to staff; the code's expiry says whether it still works). */
      invitedAt: Date,
      accountCreatedAt: Date,
      lastLoginAt: Date,
    },
  },
  { timestamps: true },
);
customerSchema.index({ tenantId: 1, customerId: 1 }, { unique: true });
customerSchema.index({ tenantId: 1, email: 1 });
customerSchema.index({ tenantId: 1, primaryPhone: 1 });
customerSchema.index({ tenantId: 1, additionalPhones: 1 });
customerSchema.index({ tenantId: 1, 'portalAccess.accessCode': 1 });
customerSchema.index({ 'portalAccess.firebaseUid': 1 }, { unique: true, sparse: true });
// Outage reach (customers at a site), the service-status filter, and the sweep of expired invitation codes.
customerSchema.index({ tenantId: 1, siteId: 1 });
customerSchema.index({ tenantId: 1, serviceStatus: 1 });
customerSchema.index({ 'portalAccess.accessCodeExpires': 1 });

export type TCustomerDoc = InferSchemaType<typeof customerSchema> & { _id: mongoose.Types.ObjectId };
export const CustomerModel = mongoose.model('Customer', customerSchema);
