import { z } from 'zod';
import { ZCalendarDate } from '../dates/calendar-date.schema.ts';
import { CUSTOMER_IMPORT_FIELDS, PORTAL_STATES, SIGNAL_QUALITIES, TICKET_STATUSES } from '../constants.ts';
import { ZPage, ZPagination } from '../common/pagination.schema.ts';
import { ZPortalAccountStatus, ZServiceAddress, ZServicePlan, ZServiceStatus } from './customer.schema.ts';

/**
 * `POST /api/customers/:customerId/portal-invite` (202): the link went to this (full) address; staff
 * also get the link itself to copy (it replaces any earlier invitation).
 */
export const ZPortalInviteResponse = z.object({ sentTo: z.string(), expiresAt: z.string(), link: z.string().url() });
export type TPortalInviteResponse = z.infer<typeof ZPortalInviteResponse>;

/** `POST /api/customers/:customerId/portal-access`. */
export const ZPortalAccessResponse = z.object({
  portalAccess: z.object({ enabled: z.boolean(), accountStatus: ZPortalAccountStatus.nullable() }),
  sessionsEnded: z.number().int(),
});
export type TPortalAccessResponse = z.infer<typeof ZPortalAccessResponse>;

/** `PATCH /api/customers/:customerId/service-status`. */
export const ZServiceStatusResponse = z.object({ customerId: z.string(), serviceStatus: ZServiceStatus });
export type TServiceStatusResponse = z.infer<typeof ZServiceStatusResponse>;

// ---- The customer module (staff): list, customer page, create and edit.

export const ZPortalState = z.enum(PORTAL_STATES);

/** `GET /api/customers`: `q` matches name words, customer ID, email, or a phone in any format. */
export const ZCustomerListQuery = ZPagination.extend({
  q: z.string().trim().max(100).optional(),
  serviceStatus: ZServiceStatus.optional(),
  portalState: ZPortalState.optional(),
  sort: z.enum(['name', '-name']).default('name'),
});
export type TCustomerListQuery = z.infer<typeof ZCustomerListQuery>;

export const ZCustomerRow = z.object({
  customerId: z.string(),
  name: z.string(),
  primaryPhone: z.string().nullable(),
  email: z.string().nullable(),
  serviceStatus: ZServiceStatus,
  portalState: ZPortalState,
  lastSignInAt: z.string().datetime().nullable(),
});
export type TCustomerRow = z.infer<typeof ZCustomerRow>;
export const ZCustomerListResponse = ZPage(ZCustomerRow);
export type TCustomerListResponse = z.infer<typeof ZCustomerListResponse>;

/** The portal account as staff see it on the customer page and in CustomerPortalLink. */
export const ZPortalAccountPanel = z.object({
  state: ZPortalState,
  enabled: z.boolean(),
  hasAccount: z.boolean(),
  invitedAt: z.string().datetime().nullable(),
  invitationExpiresAt: z.string().datetime().nullable(),
  lastSignInAt: z.string().datetime().nullable(),
  locked: z.boolean(),
});
export type TPortalAccountPanel = z.infer<typeof ZPortalAccountPanel>;

export const ZStaffEquipment = z.object({
  type: z.string(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  serialNumber: z.string().nullable(),
  macAddress: z.string().nullable(),
  firmware: z.string().nullable(),
  installedAt: z.string().datetime().nullable(),
});

export const ZCustomerDetail = z.object({
  customerId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phones: z.array(z.string()),
  serviceAddress: ZServiceAddress.nullable(),
  siteId: z.string().nullable(),
  serviceStatus: ZServiceStatus,
  servicePlan: ZServicePlan.nullable(),
  nextBillingDate: ZCalendarDate.nullable(),
  equipment: z.array(ZStaffEquipment),
  network: z
    .object({
      signalStrength: z.number().nullable(),
      signalQuality: z.enum(SIGNAL_QUALITIES).nullable(),
      lastOnline: z.string().datetime().nullable(),
      ipAddress: z.string().nullable(),
    })
    .nullable(),
  installations: z.array(
    z.object({
      date: z.string().datetime(),
      type: z.string(),
      technicianFirstName: z.string().nullable(),
      customerNotes: z.string().nullable(),
      internalNotes: z.string().nullable(),
    }),
  ),
  tickets: z.array(
    z.object({
      id: z.string(),
      ticketNumber: z.string(),
      title: z.string(),
      status: z.enum(TICKET_STATUSES),
      updatedAt: z.string().datetime(),
    }),
  ),
  portal: ZPortalAccountPanel,
});
export type TCustomerDetail = z.infer<typeof ZCustomerDetail>;

const trimmed = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  trimmed(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** A customer ID as billing systems print it: letters, digits and `-_./`, no spaces. */
export const ZCustomerIdValue = trimmed(40)
  .min(1, 'Enter the customer ID.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'Use letters, digits and - _ . / only.');

const ZPhones = z.array(trimmed(40)).max(3, 'Up to three phone numbers.');

/**
 * `POST /api/customers` and (partial) `PATCH /api/customers/:customerId`. Phones come as typed; the
 * backend normalises them with the tenant's default country and answers 400 on the one it cannot read.
 */
export const ZCustomerInput = z.object({
  customerId: ZCustomerIdValue,
  firstName: trimmed(80).min(1, 'Enter the first name.'),
  lastName: trimmed(80).min(1, 'Enter the last name.'),
  email: z
    .union([z.literal(''), z.string().trim().toLowerCase().email('Enter a valid email address.').max(200)])
    .optional()
    .transform((v) => (v ? v : undefined)),
  phones: ZPhones.default([]),
  serviceAddress: z
    .object({
      street: optionalText(200),
      city: optionalText(100),
      state: optionalText(100),
      postalCode: optionalText(20),
      country: optionalText(2),
    })
    .optional(),
  siteId: optionalText(60),
  servicePlan: ZServicePlan.optional(),
  serviceStatus: ZServiceStatus.optional(),
});
export type TCustomerInput = z.input<typeof ZCustomerInput>;
export type TCustomerInputParsed = z.infer<typeof ZCustomerInput>;

/** Only the fields sent change; `phones` replaces the list when sent. */
export const ZCustomerUpdate = ZCustomerInput.extend({ phones: ZPhones })
  .partial()
  .refine((v) => Object.keys(v).length > 0, {
    message: 'Change at least one field.',
  });
export type TCustomerUpdate = z.input<typeof ZCustomerUpdate>;
export type TCustomerUpdateParsed = z.infer<typeof ZCustomerUpdate>;

/** `POST /api/customers` (201) and `PATCH …`: the customer as the customer page shows it. */
export const ZCustomerSaved = z.object({ customer: ZCustomerDetail });
export type TCustomerSaved = z.infer<typeof ZCustomerSaved>;

// ---- CSV import

export const ZCustomerImportMapping = z.partialRecord(z.enum(CUSTOMER_IMPORT_FIELDS), z.string().min(1).max(200));
export type TCustomerImportMapping = z.infer<typeof ZCustomerImportMapping>;

/** Multipart fields beside the `file` part: the column mapping as JSON (absent on analyse). */
export const ZCustomerImportRequest = z.object({
  mapping: z
    .string()
    .max(10_000)
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'The column mapping is not valid JSON.' });
        return z.NEVER;
      }
    })
    .pipe(ZCustomerImportMapping),
});
export type TCustomerImportRequest = z.input<typeof ZCustomerImportRequest>;

/** `POST /api/customers/import/analyze`: the file's headers and a suggested mapping. */
export const ZCustomerImportAnalysis = z.object({
  headers: z.array(z.string()),
  suggestedMapping: ZCustomerImportMapping,
  rowCount: z.number().int(),
  sample: z.array(z.array(z.string())).max(5),
});
export type TCustomerImportAnalysis = z.infer<typeof ZCustomerImportAnalysis>;

export const ZCustomerImportRowError = z.object({
  /** The line of the CSV file the row starts on (the header is line 1). */
  line: z.number().int(),
  customerId: z.string().nullable(),
  field: z.string().nullable(),
  message: z.string(),
});
export type TCustomerImportRowError = z.infer<typeof ZCustomerImportRowError>;

/** `POST /api/customers/import/dry-run` and `POST /api/customers/import`: what happens to each row. */
export const ZCustomerImportResult = z.object({
  dryRun: z.boolean(),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    error: z.number().int(),
  }),
  errors: z.array(ZCustomerImportRowError),
});
export type TCustomerImportResult = z.infer<typeof ZCustomerImportResult>;

// ---- View as this customer

/** `POST /api/customers/:customerId/view-as` (201): the read-only view started; its cookie is set. */
export const ZViewAsStarted = z.object({
  customerId: z.string(),
  name: z.string(),
  expiresAt: z.string().datetime(),
});
export type TViewAsStarted = z.infer<typeof ZViewAsStarted>;

/** `POST /api/customers/view-as/end`: the view ended; the staff go back to this customer's page. */
export const ZViewAsEnded = z.object({ customerId: z.string().nullable() });
export type TViewAsEnded = z.infer<typeof ZViewAsEnded>;
