import { z } from 'zod';
import { ZNewPassword } from './password-policy.ts';

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
  password: ZNewPassword,
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

export const ZVerifyEmailRequest = z.object({ oobCode: z.string().trim().min(10).max(500) });
export type TVerifyEmailRequest = z.infer<typeof ZVerifyEmailRequest>;

export const ZStaffLoginRequest = z.object({
  email: z.email('Enter your work email.'),
  password: z.string().min(1, 'Enter your password.').max(128),
});
export type TStaffLoginRequest = z.infer<typeof ZStaffLoginRequest>;
