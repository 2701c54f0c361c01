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
] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type TAuditAction = z.infer<typeof ZAuditAction>;

export const ZAuditTargetKind = z.enum(['customer', 'staff', 'branding', 'tenant']);

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
