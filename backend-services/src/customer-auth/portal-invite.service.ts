import { randomBytes } from 'node:crypto';
import type { TLinkAccountRequest, TPortalInviteRequest } from '@wisp/shared';
import { recordAudit } from '../audit/audit.service.ts';
import { CustomerModel, type TCustomerDoc } from '../customers/customer.model.ts';
import { enqueueEmail } from '../notifications/outbox.service.ts';
import type { StaffActor } from '../platform/auth/actor.ts';
import { sessionPolicyOf, startSession, type NewSession } from '../platform/auth/session.service.ts';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import { AppError } from '../platform/http/app-error.ts';
import { requireAccess } from '../platform/access/access.ts';
import { countAttempt, rule } from '../platform/rate-limit/rate-limit.service.ts';
import { portalUrl } from '../tenants/portal-url.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { createAndLinkAccount } from './account-link.ts';
import { expiredInvitation, invalidInvitation } from './auth-errors.ts';
import { localeFor, renderAuthEmail } from './auth-emails.ts';
import type { AuthDeps, Client } from './customer-login.service.ts';
import { InvitationRedemptionModel } from './portal-account-claim.model.ts';
import { hashCode } from './customer-signup.service.ts';
import { SignupLinkModel } from './signup-link.model.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

/**
 * Staff invite a customer: a random code (192 bits) goes out in the emailed link; only its hash and
 * expiry are stored. A new invitation replaces the previous code. With no email on file, the address
 * staff give becomes the email on file.
 */
export async function inviteCustomerToPortal(
  deps: AuthDeps,
  tenant: TTenantDoc,
  staff: StaffActor,
  customerId: string,
  input: TPortalInviteRequest,
) {
  const [customer] = await requireAccess({ tenant, actor: staff }, 'customer.invite', [customerId]);
  const tenantId = String(tenant._id);
  if (customer.portalAccess?.firebaseUid && customer.portalAccess.accountStatus === 'active') {
    throw new AppError('CONFLICT', 409, 'This customer already has an active portal account.');
  }
  if (customer.portalAccess?.enabled === false)
    throw new AppError('CONFLICT', 409, 'Portal access is turned off for this customer. Turn it on first.');
  const email = customer.email || input.email?.toLowerCase();
  if (!email)
    throw AppError.validation({
      email: 'This customer has no email on file. Enter the address to send the invitation to.',
    });

  const code = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  await CustomerModel.updateOne(
    { _id: customer._id, tenantId },
    {
      $set: {
        email,
        'portalAccess.accessCode': hashCode(code),
        'portalAccess.accessCodeExpires': expiresAt,
        'portalAccess.invitedAt': new Date(),
      },
    },
  );
  const url = portalUrl(tenant, deps.config.PORTAL_URL_TEMPLATE, `/signup?code=${code}`);
  const mail = renderAuthEmail('portal-invite', localeFor(customer, tenant), tenant, { name: customer.firstName, url });
  await enqueueEmail(tenantId, {
    kind: 'portal-invite',
    dedupeKey: `portal-invite:${hashCode(code)}`,
    to: email,
    fromName: tenant.branding.company.displayName,
    replyTo: tenant.branding.company.supportEmail,
    ...mail,
  });
  const resent = Boolean(customer.portalAccess?.invitedAt);
  await recordAudit(
    staff,
    'customer.invite',
    { kind: 'customer', id: customer.customerId, label: `${customer.firstName} ${customer.lastName}` },
    `${resent ? 'invitation sent again' : 'invitation sent'} to ${email}`,
  );
  // Staff may copy the link (to send it by text, say); it is the same single-use link as the email's.
  return { sentTo: email, expiresAt: expiresAt.toISOString(), link: url };
}

/**
 * The emailed link's "choose your password" step, for a staff invitation or a self sign-up link: both
 * prove control of the email on file. The code is redeemed by inserting its hash under a unique `_id`
 * (single use even with concurrent requests); the account is created or, when a pending one exists,
 * given this password; it is verified and active at once, and the customer is signed in.
 */
export async function linkInvitedAccount(
  deps: AuthDeps,
  tenant: TTenantDoc,
  input: TLinkAccountRequest,
  client: Client,
): Promise<{ customer: TCustomerDoc; session: NewSession }> {
  const tenantId = String(tenant._id);
  // Only unknown codes count.
  const attempt = await countAttempt([rule('linkPerIp', tenantId, client.ip)]);
  await attempt.refuseIfOver(['linkPerIp']);
  const codeHash = hashCode(input.accessCode);
  const found = (await invitationOf(tenantId, codeHash)) ?? (await signupLinkOf(tenantId, codeHash));
  if (!found) throw invalidInvitation();
  await attempt.forget();
  const { customer, email, expires } = found;
  if (expires.getTime() <= Date.now()) throw expiredInvitation(tenant);
  try {
    await InvitationRedemptionModel.create({
      _id: codeHash,
      tenantId,
      customerId: customer.customerId,
      redeemedAt: new Date(),
    });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw invalidInvitation();
    throw err;
  }

  let uid = customer.portalAccess?.firebaseUid ?? undefined;
  try {
    if (uid) await deps.auth.updateUser(uid, { email, password: input.password, emailVerified: true });
    else uid = await createAndLinkAccount(deps, tenant, customer, { email, password: input.password, via: found.via });
  } catch (err) {
    // The code stays usable when the account could not be set up.
    await InvitationRedemptionModel.deleteOne({ _id: codeHash });
    throw err;
  }
  await CustomerModel.updateOne(
    { _id: customer._id, tenantId },
    {
      $set: { 'portalAccess.accountStatus': 'active', 'portalAccess.lastLoginAt': new Date() },
      $unset: { 'portalAccess.accessCode': 1, 'portalAccess.accessCodeExpires': 1 },
    },
  );
  // Every other sign-up link of this customer is spent too: the account exists now.
  await SignupLinkModel.deleteMany({ tenantId, customerId: customer.customerId });
  const session = await startSession(
    { kind: 'customer', tenantId, uid, customerId: customer.customerId },
    sessionPolicyOf(deps.config),
    client.userAgent,
  );
  return { customer, session };
}

type LinkCode = { customer: TCustomerDoc; email: string; expires: Date; via: 'invitation' | 'signup' };

async function invitationOf(tenantId: string, codeHash: string): Promise<LinkCode | null> {
  const customer = await CustomerModel.findOne({ tenantId, 'portalAccess.accessCode': codeHash }).lean<TCustomerDoc>();
  if (!customer?.email) return null;
  return {
    customer,
    email: customer.email,
    expires: customer.portalAccess?.accessCodeExpires ?? new Date(0),
    via: 'invitation',
  };
}

/** A sign-up link of THIS tenant, still for the email on file and for a customer without an active account. */
async function signupLinkOf(tenantId: string, codeHash: string): Promise<LinkCode | null> {
  const link = await SignupLinkModel.findById(codeHash).lean();
  if (!link || link.tenantId !== tenantId) return null;
  const customer = await CustomerModel.findOne({ tenantId, customerId: link.customerId }).lean<TCustomerDoc>();
  if (!customer || customer.email !== link.email || customer.portalAccess?.enabled === false) return null;
  if (customer.portalAccess?.firebaseUid && customer.portalAccess.accountStatus !== 'pending') return null;
  return { customer, email: link.email, expires: link.expiresAt, via: 'signup' };
}
