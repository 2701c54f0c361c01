import type { TSignupRequest, TSignupResponse } from '@wisp/shared';
import { CustomerModel, type TCustomerDoc } from '../customers/customer.model.ts';
import { enqueueEmail } from '../notifications/outbox.service.ts';
import { applyEmailVerification, oobCodeOf } from '../platform/auth/identity-toolkit.ts';
import { countAttempt, rule } from '../platform/rate-limit/rate-limit.service.ts';
import { portalUrl } from '../tenants/portal-url.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { createAndLinkAccount, customerOfActionCode, maskEmail } from './account-link.ts';
import {
  accountAlreadyExists,
  invalidActionLink,
  noEmailOnFile,
  portalUnavailable,
  signupDetailsDoNotMatch,
} from './auth-errors.ts';
import { localeFor, renderAuthEmail } from './auth-emails.ts';
import type { AuthDeps, Client } from './customer-login.service.ts';
import { toE164 } from './identifier.ts';

/**
 * Self sign-up: the customer ID and phone number must both match one customer of this tenant. The
 * account is created for the email ON FILE (whoever signs up never chooses where the proof goes) and
 * stays pending until the emailed verification link is opened.
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
  if (customer.portalAccess?.firebaseUid) throw accountAlreadyExists();
  if (customer.portalAccess?.enabled === false) throw portalUnavailable(tenant);
  if (!customer.email) throw noEmailOnFile(tenant);

  const uid = await createAndLinkAccount(deps, tenant, customer, {
    email: customer.email,
    password: input.password,
    via: 'signup',
  });
  await sendVerificationEmail(deps, tenant, customer, customer.email, uid);
  return { status: 'pending', sentTo: maskEmail(customer.email) };
}

async function sendVerificationEmail(
  deps: AuthDeps,
  tenant: TTenantDoc,
  customer: TCustomerDoc,
  email: string,
  uid: string,
) {
  const oobCode = oobCodeOf(await deps.auth.generateEmailVerificationLink(email));
  const url = portalUrl(
    tenant,
    deps.config.PORTAL_URL_TEMPLATE,
    `/verify-email?oobCode=${encodeURIComponent(oobCode)}`,
  );
  const mail = renderAuthEmail('verify-email', localeFor(customer, tenant), tenant, { name: customer.firstName, url });
  await enqueueEmail(String(tenant._id), {
    kind: 'verify-email',
    dedupeKey: `verify-email:${uid}:${oobCode.slice(0, 24)}`,
    to: email,
    fromName: tenant.branding.company.displayName,
    replyTo: tenant.branding.company.supportEmail,
    ...mail,
  });
}

/**
 * Opens the emailed verification link: checked to belong to an account of THIS tenant before the code
 * is used, then the Firebase email is verified and the pending account activated.
 */
export async function verifyCustomerEmail(
  deps: AuthDeps,
  tenant: TTenantDoc,
  oobCode: string,
): Promise<{ status: 'active' }> {
  const tenantId = String(tenant._id);
  const customer = await customerOfActionCode(deps, tenantId, oobCode, 'VERIFY_EMAIL');
  // Only a pending (or already active) account: a link must never undo a lock by staff.
  const status = customer?.portalAccess?.accountStatus;
  if (!customer || (status !== 'pending' && status !== 'active')) throw invalidActionLink('verification');
  if ((await applyEmailVerification(deps.config, oobCode)) !== customer.portalAccess?.firebaseUid)
    throw invalidActionLink('verification');
  if (status === 'pending') {
    await CustomerModel.updateOne(
      { _id: customer._id, tenantId },
      { $set: { 'portalAccess.accountStatus': 'active' } },
    );
  }
  return { status: 'active' };
}
