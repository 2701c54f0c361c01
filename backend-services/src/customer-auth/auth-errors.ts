import { AppError } from '../platform/http/app-error.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';

/**
 * The answers of the sign-in doors. Each failure that could reveal whether an account exists has ONE
 * message, whatever the reason (unknown, wrong password, another tenant's customer, not allowed in).
 */
export const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', 401, 'That email or phone number and password do not match an account.');

export const signupDetailsDoNotMatch = () =>
  new AppError('VALIDATION_FAILED', 400, 'We could not match those details to an account. Check the customer ID and phone number on your bill.');

export const accountAlreadyExists = () =>
  new AppError('CONFLICT', 409, 'An account already exists for this customer. Sign in, or reset your password if you forgot it.');

export const emailAlreadyInUse = (tenant: TTenantDoc) =>
  new AppError('CONFLICT', 409, `This email address is already used by another account. Please contact ${supportOf(tenant)}.`);

export const noEmailOnFile = (tenant: TTenantDoc) =>
  new AppError('CONFLICT', 409, `We have no email address on file for you, so we cannot create your account here. Please ask ${supportOf(tenant)} to send you an invitation.`);

export const portalUnavailable = (tenant: TTenantDoc) =>
  new AppError('CONFLICT', 409, `Online account access is not available for this account. Please contact ${supportOf(tenant)}.`);

export const invalidInvitation = () =>
  new AppError('VALIDATION_FAILED', 400, 'This invitation link is not valid or has already been used.', { accessCode: 'This invitation link is not valid or has already been used.' });

export const expiredInvitation = (tenant: TTenantDoc) =>
  new AppError('VALIDATION_FAILED', 400, `This invitation has expired. Ask ${supportOf(tenant)} for a new one.`, { accessCode: 'This invitation has expired.' });

export const invalidActionLink = (what: 'verification' | 'reset') =>
  new AppError('VALIDATION_FAILED', 400, `This ${what === 'reset' ? 'password reset' : 'verification'} link is not valid or has expired.`, {
    oobCode: 'This link is not valid or has expired.',
  });

function supportOf(tenant: TTenantDoc): string {
  const c = tenant.branding.company;
  return c.supportPhone ? `${c.displayName} at ${c.supportPhone}` : c.displayName;
}
