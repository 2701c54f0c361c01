import { z } from 'zod';
import { STAFF_ROLES } from '../constants.ts';
import { ZNewPassword } from '../auth/password-policy.ts';

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

// Staff invitations and password reset (issue 14, Team and Sign-in).

/** POST /api/staff/team/invitations (admins): a new member, who chooses their password from the emailed link. */
export const ZStaffInvitationRequest = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
  name: z.string().trim().min(1, 'Enter their name.').max(120),
  role: z.enum(STAFF_ROLES, { message: 'Choose a role.' }),
});
export type TStaffInvitationRequest = z.infer<typeof ZStaffInvitationRequest>;
export const ZStaffInvitation = z.object({ member: ZStaffMember, sentTo: z.string(), expiresAt: z.string() });
export type TStaffInvitation = z.infer<typeof ZStaffInvitation>;

/** POST /api/staff/auth/reset-password: always the same 202 answer, whether or not the account exists. */
export const ZStaffResetRequest = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
});
export type TStaffResetRequest = z.infer<typeof ZStaffResetRequest>;
export const ZStaffResetAnswer = z.object({ sent: z.literal(true) });

/** POST /api/staff/auth/set-password: the emailed link's code (invitation or reset) and the new password. */
export const ZStaffSetPasswordRequest = z.object({
  code: z.string().trim().min(20, 'This link is not valid.').max(200),
  password: ZNewPassword,
});
export type TStaffSetPasswordRequest = z.infer<typeof ZStaffSetPasswordRequest>;
export const ZStaffPasswordSet = z.object({ email: z.string() });
