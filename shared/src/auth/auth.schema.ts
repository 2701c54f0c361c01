import { z } from 'zod';
import { STAFF_ROLES } from '../constants.ts';
import { ZNewPassword } from './password-policy.ts';
import { ZCustomerSelf } from '../customers/customer.schema.ts';
import { ZPublicTenant } from '../tenants/tenant.schema.ts';

/** Email or phone number in any common format; the server normalises it within the tenant. */
export const ZIdentifier = z.string().trim().min(3, 'Enter your email or phone number.').max(254);

export const ZLoginRequest = z.object({
  identifier: ZIdentifier,
  password: z.string().min(1, 'Enter your password.').max(128),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSignupRequest = z.object({
  customerId: z.string().trim().min(1, 'Enter your customer ID.').max(40),
  phone: z.string().trim().min(7, 'Enter the phone number on your account.').max(30),
});
export type TSignupRequest = z.infer<typeof ZSignupRequest>;

export const ZLinkAccountRequest = z.object({
  accessCode: z.string().trim().min(20, 'This invitation link is not valid.').max(200),
  password: ZNewPassword,
});
export type TLinkAccountRequest = z.infer<typeof ZLinkAccountRequest>;

export const ZResetPasswordRequest = z.object({ identifier: ZIdentifier });
export type TResetPasswordRequest = z.infer<typeof ZResetPasswordRequest>;

/** The code comes from the emailed link to the portal's reset page. */
export const ZCompleteResetRequest = z.object({
  oobCode: z.string().trim().min(10, 'This reset link is not valid.').max(500),
  password: ZNewPassword,
});
export type TCompleteResetRequest = z.infer<typeof ZCompleteResetRequest>;

/**
 * Staff sign in on the staff sign-in page with the Firebase JS SDK; the page then trades the SDK's
 * ID token for a server session here (`POST /api/staff/auth/session`). The password never reaches us.
 */
export const ZStaffSessionRequest = z.object({
  idToken: z.string().trim().min(20, 'Sign in again.').max(8192, 'Sign in again.'),
});
export type TStaffSessionRequest = z.infer<typeof ZStaffSessionRequest>;

/**
 * Answer of GET /api/staff/auth/config: what the sign-in page gives the Firebase JS SDK. `emulatorUrl`
 * is set when the deployment uses the Auth emulator (development, tests): the SDK must talk only to it.
 */
export const ZStaffAuthConfig = z.object({
  apiKey: z.string(),
  projectId: z.string(),
  authDomain: z.string(),
  emulatorUrl: z.string().nullable(),
});
export type TStaffAuthConfig = z.infer<typeof ZStaffAuthConfig>;

/** Staff: invite a customer to the portal. `email` is used only when the customer has none on file. */
export const ZPortalInviteRequest = z.object({ email: z.email('Enter a valid email address.').optional() });
export type TPortalInviteRequest = z.infer<typeof ZPortalInviteRequest>;

/** Staff: turn a customer's portal access on or off, or lock/suspend/reactivate the portal account. */
export const ZPortalAccessUpdate = z
  .object({ enabled: z.boolean().optional(), accountStatus: z.enum(['active', 'suspended', 'locked']).optional() })
  .refine((v) => v.enabled !== undefined || v.accountStatus !== undefined, {
    message: 'Nothing to change.',
    path: ['enabled'],
  });
export type TPortalAccessUpdate = z.infer<typeof ZPortalAccessUpdate>;

/** Answer of login and link-account: who is now signed in, on which tenant. */
export const ZCustomerSignedIn = z.object({ customer: ZCustomerSelf, tenant: z.object({ slug: z.string() }) });
export type TCustomerSignedIn = z.infer<typeof ZCustomerSignedIn>;

/** Answer of GET /api/customer-portal/auth/me. */
export const ZCustomerMe = z.object({ customer: ZCustomerSelf, tenant: ZPublicTenant });
export type TCustomerMe = z.infer<typeof ZCustomerMe>;

/** Answer of sign-up: the account waits for the link sent to the (masked) email on file. */
export const ZSignupResponse = z.object({ status: z.literal('pending'), sentTo: z.string() });
export type TSignupResponse = z.infer<typeof ZSignupResponse>;

/** Answer of POST /api/staff/auth/session. */
export const ZStaffSignedIn = z.object({
  staff: z.object({ email: z.string(), role: z.enum(STAFF_ROLES) }),
  tenant: z.object({ slug: z.string() }),
});
export type TStaffSignedIn = z.infer<typeof ZStaffSignedIn>;

/** Answer of POST /api/customer-portal/auth/reset-password (202): the same whether or not the account exists. */
export const ZResetAccepted = z.object({ status: z.literal('accepted') });

/** Answer of POST /api/customer-portal/auth/reset-password/complete. */
export const ZPasswordChanged = z.object({ status: z.literal('password-changed') });
