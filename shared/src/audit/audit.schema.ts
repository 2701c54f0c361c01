import { z } from 'zod';

/**
 * The audit log: who did what to which customer, staff member or setting, and when. Written by the
 * services that make the change (never by the client), read by the tenant's admins.
 */
export const AUDIT_ACTIONS = [
  'customer.create',
  'customer.update',
  'customer.import',
  'customer.invite',
  'customer.portalAccess',
  'customer.unlock',
  'customer.viewAs',
  'staff.invite',
  'staff.role',
  'staff.disable',
  'staff.enable',
  'branding.draft',
  'branding.publish',
  'branding.restore',
  'branding.logo',
  'branding.domain',
  'sla.update',
  // Outages (issue 17)
  'incident.create',
  'incident.update',
  'incident.link',
  'faq.create',
  'faq.update',
  'faq.delete',
] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type TAuditAction = z.infer<typeof ZAuditAction>;

export const ZAuditTargetKind = z.enum(['customer', 'staff', 'branding', 'tenant', 'incident', 'faq']);

export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string().datetime(),
  actor: z.object({ uid: z.string(), email: z.string(), role: z.enum(['admin', 'staff']) }),
  action: ZAuditAction,
  target: z.object({ kind: ZAuditTargetKind, id: z.string(), label: z.string().optional() }),
  /** A short human summary of the change (“role staff → admin”); never a secret. */
  summary: z.string().max(500).optional(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

/** GET /api/audit (admins): newest first, narrowed by action, target, actor and date range. */
export const ZAuditListQuery = z.object({
  action: ZAuditAction.optional(),
  targetKind: ZAuditTargetKind.optional(),
  targetId: z.string().trim().min(1).max(200).optional(),
  actor: z.string().trim().toLowerCase().min(1).max(254).optional(),
  from: z.iso.date('Use a date like 2026-01-31.').optional(),
  to: z.iso.date('Use a date like 2026-01-31.').optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type TAuditListQuery = z.infer<typeof ZAuditListQuery>;

export const ZAuditList = z.object({
  items: z.array(ZAuditEntry),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type TAuditList = z.infer<typeof ZAuditList>;
