import { z } from 'zod';
import { STAFF_ROLES } from '../constants.ts';

export const STAFF_MEMBER_STATUSES = ['active', 'invited', 'disabled'] as const;

/** One staff member of the tenant, as the Team page lists them (admins only). */
export const ZStaffMember = z.object({
  uid: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  status: z.enum(STAFF_MEMBER_STATUSES),
  invitedBy: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
});
export type TStaffMember = z.infer<typeof ZStaffMember>;

/** GET /api/staff/team takes nothing; answers every member, admins first, then by name. */
export const ZStaffTeamRequest = z.object({});
export const ZStaffTeam = z.object({ members: z.array(ZStaffMember) });
export type TStaffTeam = z.infer<typeof ZStaffTeam>;

/** PATCH /api/staff/team/:uid: a new role, and/or disable (true) or enable (false) the account. */
export const ZStaffMemberParams = z.object({ uid: z.string().trim().min(1).max(128) });
export const ZStaffMemberUpdate = z
  .object({ role: z.enum(STAFF_ROLES).optional(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { message: 'Nothing to change.', path: ['role'] });
export type TStaffMemberUpdate = z.infer<typeof ZStaffMemberUpdate>;
export const ZStaffMemberUpdated = z.object({ member: ZStaffMember });
export type TStaffMemberUpdated = z.infer<typeof ZStaffMemberUpdated>;
