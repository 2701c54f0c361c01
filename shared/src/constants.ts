/**
 * `@wisp/shared/constants`: the enums, groups and limits the browser needs, WITHOUT zod, so a page can
 * import them without pulling the schema library into its bundle. The zod schemas in this package are
 * built from these lists: this file is the one source.
 */

// ---- Tickets

export const TICKET_CATEGORIES = [
  'slow-speed',
  'no-connection',
  'intermittent',
  'equipment-failure',
  'billing-issue',
  'other',
] as const;
export type TTicketCategory = (typeof TICKET_CATEGORIES)[number];

export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export type TTicketPriority = (typeof TICKET_PRIORITIES)[number];
/** `critical` is a staff triage decision; a customer may choose only these. */
export const CUSTOMER_TICKET_PRIORITIES = ['low', 'medium', 'high'] as const satisfies readonly TTicketPriority[];

export const TICKET_STATUSES = ['open', 'in-progress', 'waiting-on-customer', 'resolved', 'closed'] as const;
export type TTicketStatus = (typeof TICKET_STATUSES)[number];
/** Status groups the list filter accepts besides single statuses. */
export const OPEN_TICKET_STATUSES = [
  'open',
  'in-progress',
  'waiting-on-customer',
] as const satisfies readonly TTicketStatus[];
export const CLOSED_TICKET_STATUSES = ['resolved', 'closed'] as const satisfies readonly TTicketStatus[];
export const TICKET_STATUS_GROUPS = ['open', 'closed'] as const;
/**
 * The customer's own list: a resolved ticket stays with the open ones until the customer (or time)
 * closes it, so they see the "did this fix it?" question instead of finding it under Closed.
 */
export const CUSTOMER_OPEN_TICKET_STATUSES = [
  ...OPEN_TICKET_STATUSES,
  'resolved',
] as const satisfies readonly TTicketStatus[];
export const CUSTOMER_CLOSED_TICKET_STATUSES = ['closed'] as const satisfies readonly TTicketStatus[];

export const TICKET_SOURCES = ['portal', 'staff', 'email'] as const;
export const MESSAGE_AUTHOR_TYPES = ['customer', 'staff', 'system'] as const;

/** A resolved or closed ticket may be reopened by its customer for this many days. */
export const TICKET_REOPEN_WINDOW_DAYS = 14;

/** Ticket categories for which the new-ticket page first shows a known outage at the customer's site. */
export const OUTAGE_TICKET_CATEGORIES = [
  'no-connection',
  'intermittent',
  'slow-speed',
] as const satisfies readonly TTicketCategory[];

/** Form limits: the schemas enforce them, the pages show them (`maxlength`, hints) from the same numbers. */
export const TICKET_LIMITS = {
  titleMin: 5,
  titleMax: 120,
  descriptionMin: 10,
  descriptionMax: 5000,
  commentMin: 1,
  commentMax: 5000,
  ratingMin: 1,
  ratingMax: 5,
  ratingCommentMax: 1000,
} as const;

/** Attachments: the backend's defaults (its config may lower or raise them) and the browser's pre-check. */
export const UPLOAD_LIMITS = {
  maxFileMb: 10,
  maxFiles: 5,
} as const;
export const UPLOAD_MAX_FILE_BYTES = UPLOAD_LIMITS.maxFileMb * 1024 * 1024;

// ---- Accounts

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export const SERVICE_STATUSES = ['pending', 'active', 'suspended', 'cancelled'] as const;
export type TServiceStatus = (typeof SERVICE_STATUSES)[number];

export const PORTAL_ACCOUNT_STATUSES = ['pending', 'active', 'suspended', 'locked'] as const;
export type TPortalAccountStatus = (typeof PORTAL_ACCOUNT_STATUSES)[number];

/**
 * Customer module: the portal state staff see for a customer, derived from the customer and their
 * portal account by one function on the backend (`customers/portal-state.ts`).
 */
export const PORTAL_STATES = ['none', 'invited', 'pending', 'active', 'disabled', 'locked'] as const;
export type TPortalState = (typeof PORTAL_STATES)[number];
export const CUSTOMER_LIST_PAGE_SIZE_MAX = 100;
export const CUSTOMER_IMPORT_MAX_ROWS = 5_000;
export const CUSTOMER_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Fields a CSV column can be mapped to, in the order the mapping form shows them. */
export const CUSTOMER_IMPORT_FIELDS = [
  'customerId',
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'phone2',
  'street',
  'city',
  'state',
  'postalCode',
  'country',
  'siteId',
  'planName',
  'downloadMbps',
  'uploadMbps',
  'monthlyFee',
  'serviceStatus',
] as const;
export type TCustomerImportField = (typeof CUSTOMER_IMPORT_FIELDS)[number];

export const STAFF_ROLES = ['admin', 'staff'] as const;
export type TStaffRole = (typeof STAFF_ROLES)[number];

export const LOCALES = ['en', 'es'] as const;
export type TLocale = (typeof LOCALES)[number];

// ---- Service and support

/** Signal bands the portal shows instead of raw dBm: good ≥ -65, fair -65…-75, poor < -75. */
export const SIGNAL_QUALITIES = ['good', 'fair', 'poor'] as const;
export type TSignalQuality = (typeof SIGNAL_QUALITIES)[number];

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type TIncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_KINDS = ['incident', 'maintenance'] as const;
export type TIncidentKind = (typeof INCIDENT_KINDS)[number];

export const FAQ_KINDS = ['faq', 'article'] as const;
export type TFaqKind = (typeof FAQ_KINDS)[number];
export const FAQ_SEARCH_MAX = 200;

// ---- Branding studio

/** Logo and favicon uploads: one file under `file`, at most this size. */
export const BRANDING_IMAGE_MAX_MB = 5;

/**
 * The fonts a tenant may choose: ones every device has, and ones the portal serves itself (the
 * `@fontsource` packages in Module_Manager/src/lib/branding/fonts.css), never a third-party font host.
 */
export const BRAND_FONTS = [
  { label: 'System sans-serif', stack: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
  { label: 'Georgia (serif)', stack: 'Georgia, "Times New Roman", serif' },
  { label: 'Inter', stack: '"Inter", system-ui, sans-serif' },
  { label: 'Source Sans 3', stack: '"Source Sans 3", system-ui, sans-serif' },
  { label: 'Open Sans', stack: '"Open Sans", system-ui, sans-serif' },
  { label: 'Lato', stack: '"Lato", system-ui, sans-serif' },
  { label: 'Nunito', stack: '"Nunito", system-ui, sans-serif' },
  { label: 'Atkinson Hyperlegible', stack: '"Atkinson Hyperlegible", system-ui, sans-serif' },
  { label: 'Merriweather (serif)', stack: '"Merriweather", Georgia, serif' },
  { label: 'Roboto Slab (serif)', stack: '"Roboto Slab", Georgia, serif' },
] as const;

const FONT_FIRST = new Set([
  'system-ui',
  'georgia',
  ...BRAND_FONTS.slice(2).map((f) => f.label.replace(/ \(serif\)$/, '').toLowerCase()),
]);
const FONT_FALLBACKS = new Set([
  'system-ui',
  '-apple-system',
  'segoe ui',
  'roboto',
  'arial',
  'helvetica',
  'georgia',
  'times new roman',
  'sans-serif',
  'serif',
]);

/** Whether a font list starts with one of the offered fonts and falls back only to fonts devices have. */
export function isOfferedFontStack(stack: string): boolean {
  const names = stack.split(',').map((n) =>
    n
      .trim()
      .replace(/^["']|["']$/g, '')
      .toLowerCase(),
  );
  return FONT_FIRST.has(names[0] ?? '') && names.slice(1).every((n) => FONT_FALLBACKS.has(n) || FONT_FIRST.has(n));
}

// ---- Errors

/** Error codes the backend uses; the portal maps them to translated messages. */
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'TENANT_NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CSRF_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_FILE',
  /** A read-only actor (staff viewing the portal as a customer) tried to change something. */
  'READ_ONLY',
  'INTERNAL',
  /** The database (or another dependency) is briefly away: retry after `Retry-After` seconds. */
  'SERVICE_UNAVAILABLE',
] as const;
export type TApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The portal's neutral palette: a tenant's starting colours, and the fallback for any stored colour that is not valid. */
export const DEFAULT_BRAND_COLORS = {
  primary: '#1d4ed8',
  secondary: '#0f172a',
  accent: '#f59e0b',
  background: '#f8fafc',
  text: '#0f172a',
  textSecondary: '#475569',
} as const;

export * from './dates/calendar-date.ts';
