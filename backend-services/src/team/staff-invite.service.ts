import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import type {
  TStaffInvitation,
  TStaffInvitationRequest,
  TStaffResetRequest,
  TStaffSetPasswordRequest,
} from '@wisp/shared';
import { recordAudit } from '../audit/audit.service.ts';
import { localeFor, renderAuthEmail, type AuthEmailKind } from '../customer-auth/auth-emails.ts';
import type { AuthDeps, Client } from '../customer-auth/customer-login.service.ts';
import { hashCode } from '../customer-auth/customer-signup.service.ts';
import { INVITATION_TTL_MS } from '../customer-auth/portal-invite.service.ts';
import { InvitationRedemptionModel } from '../customer-auth/portal-account-claim.model.ts';
import { enqueueEmail } from '../notifications/outbox.service.ts';
import { requireAccess, type AccessContext } from '../platform/access/access.ts';
import type { StaffActor } from '../platform/auth/actor.ts';
import { signOutEverywhere } from '../platform/auth/sign-out.ts';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import { AppError } from '../platform/http/app-error.ts';
import { countAttempt, rule } from '../platform/rate-limit/rate-limit.service.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { requireStaffHost } from '../staff-auth/staff-auth.service.ts';
import { StaffLinkModel, type TStaffLinkDoc } from './staff-link.model.ts';
import { StaffMemberModel, type TStaffMemberDoc } from './staff-member.model.ts';
import { toStaffMember } from './team.service.ts';

export const STAFF_RESET_TTL_MS = 3_600_000;
const RESET_ANSWER_MS = 400;

const emailTaken = () =>
  new AppError('CONFLICT', 409, 'Someone on the team already uses this email.', {
    email: 'Someone on the team already uses this email.',
  });
const invalidLink = () =>
  new AppError('VALIDATION_FAILED', 400, 'This link is not valid, has expired or has already been used.', {
    code: 'This link is not valid, has expired or has already been used.',
  });

/** The staff side's address (always the tenant's platform host, never its custom domain). */
function staffUrl(deps: AuthDeps, tenant: TTenantDoc, path: string): string {
  return new URL(path, deps.config.PORTAL_URL_TEMPLATE.replace('{tenant}', tenant.subdomain)).toString();
}

/** A new single-use link for `member`, emailed through the outbox (the customers' sign-in emails). */
async function sendStaffLink(
  deps: AuthDeps,
  tenant: TTenantDoc,
  member: Pick<TStaffMemberDoc, 'uid' | 'email' | 'name'>,
  purpose: 'invite' | 'reset',
): Promise<Date> {
  const tenantId = String(tenant._id);
  const code = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + (purpose === 'invite' ? INVITATION_TTL_MS : STAFF_RESET_TTL_MS));
  await StaffLinkModel.create({
    _id: hashCode(code),
    tenantId,
    uid: member.uid,
    purpose,
    createdAt: new Date(),
    expiresAt,
  });
  const kind: AuthEmailKind = purpose === 'invite' ? 'staff-invite' : 'staff-reset';
  const url = staffUrl(deps, tenant, `/staff/${purpose === 'invite' ? 'accept' : 'reset-password'}?code=${code}`);
  const mail = renderAuthEmail(kind, localeFor({}, tenant), tenant, { name: member.name, url });
  await enqueueEmail(tenantId, {
    kind,
    dedupeKey: `${kind}:${hashCode(code)}`,
    to: member.email,
    fromName: tenant.branding.company.displayName,
    replyTo: tenant.branding.company.supportEmail,
    ...mail,
  });
  return expiresAt;
}

/**
 * An admin invites a new staff member: a Firebase user without a usable password, with the
 * `{ role, tenantId }` claims; a team row `invited`; an emailed single-use link to choose a password.
 * One email per tenant: the unique (tenant, email) index decides when two invitations race.
 */
export async function inviteStaffMember(
  deps: AuthDeps,
  ctx: AccessContext,
  input: TStaffInvitationRequest,
): Promise<TStaffInvitation> {
  const { actor } = await requireAccess(ctx, 'team.invite');
  const tenant = ctx.tenant;
  const tenantId = String(tenant._id);
  if (await StaffMemberModel.exists({ tenantId, email: input.email })) throw emailTaken();
  let uid: string;
  try {
    uid = (await deps.auth.createUser({ email: input.email, displayName: input.name, emailVerified: false })).uid;
  } catch (err) {
    if ((err as { code?: string }).code === 'auth/email-already-exists') throw emailTaken();
    throw err;
  }
  let member: TStaffMemberDoc;
  try {
    await deps.auth.setCustomUserClaims(uid, { role: input.role, tenantId });
    member = (
      await StaffMemberModel.create({
        tenantId,
        uid,
        email: input.email,
        name: input.name,
        role: input.role,
        status: 'invited',
        invitedBy: (actor as StaffActor).email,
      })
    ).toObject() as TStaffMemberDoc;
  } catch (err) {
    await deps.auth.deleteUser(uid);
    if (isDuplicateKeyError(err)) throw emailTaken();
    throw err;
  }
  const expiresAt = await sendStaffLink(deps, tenant, member, 'invite');
  await recordAudit(
    actor as StaffActor,
    'staff.invite',
    { kind: 'staff', id: uid, label: input.name },
    `invited ${input.email} as ${input.role}`,
  );
  return { member: toStaffMember(member), sentTo: input.email, expiresAt: expiresAt.toISOString() };
}

/**
 * Staff "forgot password": always the same answer, in the same time. An active member of this tenant
 * gets an emailed single-use link to the staff reset page.
 */
export async function requestStaffPasswordReset(
  deps: AuthDeps,
  tenant: TTenantDoc,
  staffHost: boolean,
  input: TStaffResetRequest,
  client: Client,
): Promise<void> {
  requireStaffHost(staffHost);
  const tenantId = String(tenant._id);
  const attempt = await countAttempt([
    rule('resetPerIdentifier', tenantId, `staff:${input.email}`),
    rule('resetPerIp', tenantId, client.ip),
  ]);
  await attempt.refuseIfOver(['resetPerIdentifier', 'resetPerIp']);
  const answerNoSoonerThan = new Promise((resolve) => setTimeout(resolve, RESET_ANSWER_MS));
  const member = await StaffMemberModel.findOne({ tenantId, email: input.email }).lean<TStaffMemberDoc>();
  if (member?.status === 'active') await sendStaffLink(deps, tenant, member, 'reset');
  await answerNoSoonerThan;
}

/**
 * The emailed link's "choose your password" step, for an invitation or a reset. The code is redeemed
 * by inserting its hash under a unique `_id` (single use, also for concurrent requests). An invited
 * member becomes active; a reset ends every session and revokes refresh tokens.
 */
export async function setStaffPassword(
  deps: AuthDeps,
  tenant: TTenantDoc,
  staffHost: boolean,
  input: TStaffSetPasswordRequest,
  client: Client,
): Promise<{ email: string }> {
  requireStaffHost(staffHost);
  const tenantId = String(tenant._id);
  // Only unknown codes count.
  const attempt = await countAttempt([rule('linkPerIp', tenantId, client.ip)]);
  await attempt.refuseIfOver(['linkPerIp']);
  const codeHash = hashCode(input.code);
  const link = await StaffLinkModel.findById(codeHash).lean<TStaffLinkDoc>();
  if (!link || link.tenantId !== tenantId) throw invalidLink();
  await attempt.forget();
  if (link.expiresAt.getTime() <= Date.now()) throw invalidLink();
  const member = await StaffMemberModel.findOne({ tenantId, uid: link.uid }).lean<TStaffMemberDoc>();
  if (!member || member.status === 'disabled') throw invalidLink();
  if (link.purpose === 'invite' ? member.status !== 'invited' : member.status !== 'active') throw invalidLink();
  try {
    await InvitationRedemptionModel.create({
      _id: codeHash,
      tenantId: new mongoose.Types.ObjectId(tenantId),
      redeemedAt: new Date(),
    });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw invalidLink();
    throw err;
  }
  try {
    await deps.auth.updateUser(member.uid, { password: input.password, emailVerified: true });
  } catch (err) {
    // The link stays usable when the password could not be set.
    await InvitationRedemptionModel.deleteOne({ _id: codeHash });
    throw err;
  }
  await StaffLinkModel.deleteOne({ _id: codeHash });
  if (link.purpose === 'invite') {
    await StaffMemberModel.updateOne({ _id: member._id, tenantId }, { $set: { status: 'active' } });
  } else {
    await signOutEverywhere(deps.auth, tenantId, member.uid);
  }
  return { email: member.email };
}
