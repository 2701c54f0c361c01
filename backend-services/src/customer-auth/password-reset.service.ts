import { createHash } from 'node:crypto';
import type { TCompleteResetRequest, TResetPasswordRequest } from '@wisp/shared';
import { CustomerModel, type TCustomerDoc } from '../customers/customer.model.ts';
import { enqueueEmail } from '../notifications/outbox.service.ts';
import { applyPasswordReset, oobCodeOf } from '../platform/auth/identity-toolkit.ts';
import { firebaseEmailOf, signOutEverywhere } from '../platform/auth/sign-out.ts';
import { countAttempt, rule } from '../platform/rate-limit/rate-limit.service.ts';
import { portalUrl } from '../tenants/portal-url.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { invalidActionLink } from './auth-errors.ts';
import { customerOfActionCode } from './account-link.ts';
import { localeFor, renderAuthEmail } from './auth-emails.ts';
import { linkedCustomersOf, type AuthDeps, type Client } from './customer-login.service.ts';
import { identifierKey, parseIdentifier } from './identifier.ts';

const RESET_ANSWER_MS = 400;

/**
 * "Forgot password": the caller always gets the same 202, in the same time. When the identifier belongs
 * to an account of this tenant that may sign in, a branded email links to the portal's reset page.
 */
export async function requestPasswordReset(
  deps: AuthDeps,
  tenant: TTenantDoc,
  input: TResetPasswordRequest,
  client: Client,
): Promise<void> {
  const tenantId = String(tenant._id);
  const identifier = parseIdentifier(input.identifier, tenant.defaultCountry);
  const attempt = await countAttempt([
    rule('resetPerIdentifier', tenantId, identifierKey(input.identifier, identifier)),
    rule('resetPerIp', tenantId, client.ip),
  ]);
  await attempt.refuseIfOver(['resetPerIdentifier', 'resetPerIp']);
  // Sending takes a few round trips, finding no account takes none: answer no sooner than this either way.
  const answerNoSoonerThan = new Promise((resolve) => setTimeout(resolve, RESET_ANSWER_MS));
  if (identifier) {
    for (const customer of await linkedCustomersOf(tenantId, identifier)) {
      const access = customer.portalAccess!;
      if (access.enabled === false || access.accountStatus === 'locked' || access.accountStatus === 'suspended')
        continue;
      const email = await firebaseEmailOf(deps.auth, access.firebaseUid!);
      if (email) await sendResetEmail(deps, tenant, customer, email);
    }
  }
  await answerNoSoonerThan;
}

async function sendResetEmail(deps: AuthDeps, tenant: TTenantDoc, customer: TCustomerDoc, email: string) {
  const oobCode = oobCodeOf(await deps.auth.generatePasswordResetLink(email));
  const url = portalUrl(
    tenant,
    deps.config.PORTAL_URL_TEMPLATE,
    `/reset-password?oobCode=${encodeURIComponent(oobCode)}`,
  );
  const mail = renderAuthEmail('password-reset', localeFor(customer, tenant), tenant, {
    name: customer.firstName,
    url,
  });
  await enqueueEmail(String(tenant._id), {
    kind: 'password-reset',
    dedupeKey: `password-reset:${createHash('sha256').update(oobCode).digest('hex')}`,
    to: email,
    fromName: tenant.branding.company.displayName,
    replyTo: tenant.branding.company.supportEmail,
    ...mail,
  });
}

/**
 * Sets the new password from the emailed link, for an account of THIS tenant only, then ends every
 * session and revokes refresh tokens. The link proved the email, so a pending account becomes active.
 */
export async function completePasswordReset(
  deps: AuthDeps,
  tenant: TTenantDoc,
  input: TCompleteResetRequest,
  client: Client,
): Promise<void> {
  const tenantId = String(tenant._id);
  // Only wrong links count.
  const attempt = await countAttempt([rule('resetPerIp', tenantId, client.ip)]);
  await attempt.refuseIfOver(['resetPerIp']);
  const customer = await customerOfActionCode(deps, tenantId, input.oobCode, 'PASSWORD_RESET');
  if (!customer || !(await applyPasswordReset(deps.config, input.oobCode, input.password))) {
    throw invalidActionLink('reset');
  }
  await attempt.forget();
  const uid = customer.portalAccess!.firebaseUid!;
  await signOutEverywhere(deps.auth, tenantId, uid);
  if (customer.portalAccess?.accountStatus === 'pending') {
    await deps.auth.updateUser(uid, { emailVerified: true });
    await CustomerModel.updateOne(
      { _id: customer._id, tenantId },
      { $set: { 'portalAccess.accountStatus': 'active' } },
    );
  }
}
