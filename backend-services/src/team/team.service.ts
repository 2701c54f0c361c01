import type { Auth } from 'firebase-admin/auth';
import type { TStaffMember, TStaffMemberUpdate } from '@wisp/shared';
import { recordAudit } from '../audit/audit.service.ts';
import { requireAccess, type AccessContext } from '../platform/access/access.ts';
import type { StaffActor } from '../platform/auth/actor.ts';
import { signOutEverywhere } from '../platform/auth/sign-out.ts';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import { AppError } from '../platform/http/app-error.ts';
import { StaffMemberModel, TeamChangeLockModel, type TStaffMemberDoc } from './staff-member.model.ts';

const LOCK_STALE_MS = 30_000;
const LOCK_TRIES = 60;
const LOCK_WAIT_MS = 50;

export function toStaffMember(doc: TStaffMemberDoc): TStaffMember {
  return {
    uid: doc.uid,
    email: doc.email,
    name: doc.name,
    role: doc.role,
    status: doc.status,
    invitedBy: doc.invitedBy ?? null,
    lastSignInAt: doc.lastSignInAt ? doc.lastSignInAt.toISOString() : null,
  };
}

export async function listTeam(ctx: AccessContext): Promise<TStaffMember[]> {
  await requireAccess(ctx, 'team.read');
  const members = await StaffMemberModel.find({ tenantId: ctx.tenant._id }).lean<TStaffMemberDoc[]>();
  return members
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'admin' ? -1 : 1))
    .map(toStaffMember);
}

/** Runs `decide` while holding the tenant's team-change lock (see TeamChangeLockModel). */
async function withTeamLock<T>(tenantId: string, decide: () => Promise<T>): Promise<T> {
  const _id = `team:${tenantId}`;
  for (let i = 0; i < LOCK_TRIES; i++) {
    try {
      await TeamChangeLockModel.create({ _id, at: new Date() });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      await TeamChangeLockModel.deleteOne({ _id, at: { $lt: new Date(Date.now() - LOCK_STALE_MS) } });
      await new Promise((r) => setTimeout(r, LOCK_WAIT_MS + Math.random() * LOCK_WAIT_MS));
      continue;
    }
    try {
      return await decide();
    } finally {
      await TeamChangeLockModel.deleteOne({ _id });
    }
  }
  throw new AppError('CONFLICT', 409, 'Another change to the team is being saved. Try again.');
}

const isActiveAdmin = (m: Pick<TStaffMemberDoc, 'role' | 'status'>) => m.role === 'admin' && m.status === 'active';

/**
 * Changes a member's role or turns their account off or on. The tenant always keeps one active
 * admin: a change that would leave none is refused, also when two admins demote each other at once
 * (the changes take turns under the team lock, and the second sees the first). A disabled or demoted
 * member's sessions end and their Firebase tokens are revoked, so the old role is never used again.
 */
export async function updateStaffMember(
  auth: Auth,
  ctx: AccessContext,
  uid: string,
  change: TStaffMemberUpdate,
): Promise<TStaffMember> {
  const { actor } = await requireAccess(ctx, 'team.update');
  const tenantId = String(ctx.tenant._id);
  const updated = await withTeamLock(tenantId, async () => {
    const members = await StaffMemberModel.find({ tenantId }).lean<TStaffMemberDoc[]>();
    const member = members.find((m) => m.uid === uid);
    if (!member) throw AppError.notFound('No such staff member.');
    if (member.status === 'invited' && change.disabled === false)
      throw new AppError('CONFLICT', 409, 'This person has not accepted the invitation yet.');
    const next = {
      role: change.role ?? member.role,
      status:
        change.disabled === undefined
          ? member.status
          : change.disabled
            ? 'disabled'
            : ('active' as TStaffMemberDoc['status']),
    };
    const adminsAfter = members.filter((m) => isActiveAdmin(m.uid === uid ? { ...m, ...next } : m)).length;
    if (isActiveAdmin(member) && adminsAfter === 0) {
      throw new AppError(
        'CONFLICT',
        409,
        'The team needs at least one active admin. Make someone else an admin first.',
        {
          [change.role !== undefined ? 'role' : 'disabled']: 'The last admin cannot be removed.',
        },
      );
    }
    await StaffMemberModel.updateOne({ _id: member._id, tenantId }, { $set: next });
    return { before: member, after: { ...member, ...next } };
  });
  await applyToFirebase(auth, tenantId, updated.before, updated.after);
  await auditChange(actor as StaffActor, updated.before, updated.after);
  return toStaffMember(updated.after);
}

async function applyToFirebase(auth: Auth, tenantId: string, before: TStaffMemberDoc, after: TStaffMemberDoc) {
  if (after.role !== before.role) await auth.setCustomUserClaims(after.uid, { role: after.role, tenantId });
  if (after.status !== before.status) await auth.updateUser(after.uid, { disabled: after.status === 'disabled' });
  const lostAccess = after.status === 'disabled' && before.status !== 'disabled';
  if (lostAccess || after.role !== before.role) await signOutEverywhere(auth, tenantId, after.uid);
}

async function auditChange(actor: StaffActor, before: TStaffMemberDoc, after: TStaffMemberDoc) {
  const target = { kind: 'staff' as const, id: after.uid, label: after.email };
  if (after.role !== before.role) await recordAudit(actor, 'staff.role', target, `role ${before.role} → ${after.role}`);
  if (after.status !== before.status)
    await recordAudit(actor, after.status === 'disabled' ? 'staff.disable' : 'staff.enable', target);
}

/** At each staff sign-in: when they last signed in (the Team page shows it). */
export async function noteStaffSignIn(tenantId: string, uid: string, at = new Date()): Promise<void> {
  await StaffMemberModel.updateOne({ tenantId, uid }, { $set: { lastSignInAt: at } });
}
