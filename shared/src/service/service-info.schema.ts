import { z } from 'zod';
import { ZCalendarDate } from '../dates/calendar-date.schema.ts';
import { SIGNAL_QUALITIES } from '../constants.ts';
import { ZServicePlan, ZServiceStatus } from '../customers/customer.schema.ts';

export const ZSignalQuality = z.enum(SIGNAL_QUALITIES);

/**
 * What the customer should do about their service status. Stable keys (the portal translates them)
 * plus the values the sentence needs, never an English sentence.
 */
export const ZServiceNextStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('contact-billing'), email: z.string().nullable(), phone: z.string().nullable() }),
  z.object({ kind: z.literal('await-installation'), email: z.string().nullable(), phone: z.string().nullable() }),
  z.object({ kind: z.literal('contact-support'), email: z.string().nullable(), phone: z.string().nullable() }),
]);
export type TServiceNextStep = z.infer<typeof ZServiceNextStep>;

export const ZServiceInfoAddress = z.object({
  street: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
});

export const ZCustomerEquipment = z.object({
  type: z.string(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  serialNumber: z.string().nullable(),
  macAddress: z.string().nullable(),
  firmware: z.string().nullable(),
  installedAt: z.string().nullable(),
  /** Only for the outdoor radio (type 'cpe'), which is what the network measures; null otherwise. */
  signalQuality: ZSignalQuality.nullable(),
  /** ISO time the network last saw the radio; the portal shows it as relative time. */
  lastOnline: z.string().nullable(),
});
export type TCustomerEquipment = z.infer<typeof ZCustomerEquipment>;

/** A technician visit as the customer may see it: never the staff-only internal notes. */
export const ZCustomerInstallation = z.object({
  date: z.string(),
  type: z.string(),
  technicianFirstName: z.string().nullable(),
  customerNotes: z.string().nullable(),
});
export type TCustomerInstallation = z.infer<typeof ZCustomerInstallation>;

/** `GET /api/customer-portal/service`. */
export const ZServiceInfo = z.object({
  customerId: z.string(),
  plan: ZServicePlan.nullable(),
  serviceStatus: ZServiceStatus,
  /** Translation key for the plain explanation of the status (equals the status). */
  statusExplanation: ZServiceStatus,
  nextStep: ZServiceNextStep,
  nextBillingDate: ZCalendarDate.nullable(),
  serviceAddress: ZServiceInfoAddress.nullable(),
  equipment: z.array(ZCustomerEquipment),
  connection: z.object({ signalQuality: ZSignalQuality.nullable(), lastOnline: z.string().nullable() }),
  installations: z.array(ZCustomerInstallation),
});
export type TServiceInfo = z.infer<typeof ZServiceInfo>;
