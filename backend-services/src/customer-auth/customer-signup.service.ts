import { createHash, randomBytes } from 'node:crypto';
import type { TSignupRequest, TSignupResponse } from '@wisp/shared';
import { CustomerModel, type TCustomerDoc } from '../customers/customer.model.ts';
import { enqueueEmail } from '../notifications/outbox.service.ts';
import { countAttempt, rule } from '../platform/rate-limit/rate-limit.service.ts';
import { portalUrl } from '../tenants/portal-url.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { maskEmail } from './account-link.ts';
import { accountAlreadyExists, noEmailOnFile, portalUnavailable, signupDetailsDoNotMatch } from './auth-errors.ts';
import { localeFor, renderAuthEmail } from './auth-emails.ts';
import type { AuthDeps, Client } from './customer-login.service.ts';
import { toE164 } from './identifier.ts';
import { SignupLinkModel } from './signup-link.model.ts';

export const SIGNUP_LINK_TTL_MS = 24 * 3_600_000;
export const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * Self sign-up: the customer ID and phone number must both match one customer of this tenant. Nothing
 * is created: a single-use link goes to the email ON FILE (whoever signs up never chooses where it
 * goes), and only opening it lets anyone choose the password (`linkInvitedAccount`). Signing up again
 * sends another link; none blocks another.
 */
export async function signUpCustomer(
  deps: AuthDeps,
  tenant: TTenantDoc,
  input: TSignupRequest,
  client: Client,
): Promise<TSignupResponse> {
  const tenantId = String(tenant._id);
  const customerId = input.customerId.trim();
  // Every attempt within the limits counts: a successful one sends an email.
  const attempt = await countAttempt([
    rule('signupPerCustomer', tenantId, customerId.toUpperCase()),
    rule('signupPerIp', tenantId, client.ip),
  ]);
  await attempt.refuseIfOver(['signupPerCustomer', 'signupPerIp']);

  const phone = toE164(input.phone, tenant.defaultCountry);
  const customer = await CustomerModel.findOne({
    tenantId,
    customerId: { $in: [customerId, customerId.toUpperCase()] },
  }).lean<TCustomerDoc>();
  if (!customer || !phone || customer.primaryPhone !== phone) throw signupDetailsDoNotMatch();
  if (customer.portalAccess?.firebaseUid && customer.portalAccess.accountStatus !== 'pending')
    throw accountAlreadyExists();
  if (customer.portalAccess?.enabled === false) throw portalUnavailable(tenant);
  if (!customer.email) throw noEmailOnFile(tenant);

  await sendSignupLink(deps, tenant, customer, customer.email);
  return { status: 'pending', sentTo: maskEmail(customer.email) };
}

async function sendSignupLink(deps: AuthDeps, tenant: TTenantDoc, customer: TCustomerDoc, email: string) {
  const code = randomBytes(24).toString('base64url');
  const now = new Date();
  await SignupLinkModel.create({
    _id: hashCode(code),
    tenantId: String(tenant._id),
    customerId: customer.customerId,
    email,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SIGNUP_LINK_TTL_MS),
  });
  // The same "choose your password" page as an invitation.
  const url = portalUrl(tenant, deps.config.PORTAL_URL_TEMPLATE, `/signup?code=${code}`);
  const mail = renderAuthEmail('signup-link', localeFor(customer, tenant), tenant, { name: customer.firstName, url });
  await enqueueEmail(String(tenant._id), {
    kind: 'signup-link',
    dedupeKey: `signup-link:${hashCode(code)}`,
    to: email,
    fromName: tenant.branding.company.displayName,
    replyTo: tenant.branding.company.supportEmail,
    ...mail,
  });
}
