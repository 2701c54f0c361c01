import {
  DEFAULT_SLA_TARGETS,
  TICKET_PRIORITIES,
  type TSlaPolicy,
  type TSlaPolicyRequest,
  type TSlaTargets,
} from '@wisp/shared';
import { recordAudit } from '../audit/audit.service.ts';
import { requireAccess, type AccessContext } from '../platform/access/access.ts';
import type { StaffActor } from '../platform/auth/actor.ts';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { SlaPolicyModel } from './sla-policy.model.ts';

type PolicyDoc = { targets: TSlaTargets; updatedBy: string; updatedAt: Date };

/** The tenant's targets (or the defaults), read by `_id`; no access check: callers have made theirs. */
export async function slaTargetsOf(tenant: Pick<TTenantDoc, '_id'>): Promise<TSlaTargets> {
  const doc = await SlaPolicyModel.findById(String(tenant._id)).lean<PolicyDoc>();
  return doc ? withDefaults(doc.targets) : DEFAULT_SLA_TARGETS;
}

/** A priority added after the policy was saved falls back to its default. */
function withDefaults(targets: Partial<TSlaTargets>): TSlaTargets {
  return Object.fromEntries(
    TICKET_PRIORITIES.map((p) => [
      p,
      targets[p]
        ? { firstResponseMinutes: targets[p].firstResponseMinutes, resolutionMinutes: targets[p].resolutionMinutes }
        : DEFAULT_SLA_TARGETS[p],
    ]),
  ) as TSlaTargets;
}

function policyView(tenant: TTenantDoc, doc: PolicyDoc | null): TSlaPolicy {
  return {
    targets: doc ? withDefaults(doc.targets) : DEFAULT_SLA_TARGETS,
    customised: Boolean(doc),
    updatedAt: doc ? doc.updatedAt.toISOString() : null,
    updatedBy: doc?.updatedBy ?? null,
    timezone: tenant.timezone,
    supportHours: (tenant.weeklySupportHours ?? []).map((w) => ({
      day: w.day ?? 0,
      opens: w.opens ?? '',
      closes: w.closes ?? '',
    })),
  };
}

export async function getSlaPolicy(ctx: AccessContext): Promise<TSlaPolicy> {
  await requireAccess(ctx, 'sla.read');
  const doc = await SlaPolicyModel.findById(String(ctx.tenant._id)).lean<PolicyDoc>();
  return policyView(ctx.tenant, doc);
}

const describeTarget = (t: TSlaTargets[keyof TSlaTargets]) => `${t.firstResponseMinutes}/${t.resolutionMinutes}`;

/** What changed, for the audit log: `high 60/480 → 30/240`. */
function summaryOf(before: TSlaTargets, after: TSlaTargets): string {
  const changed = TICKET_PRIORITIES.filter((p) => describeTarget(before[p]) !== describeTarget(after[p]));
  if (changed.length === 0) return 'no change';
  return changed.map((p) => `${p} ${describeTarget(before[p])} → ${describeTarget(after[p])}`).join('; ');
}

/** Saves the tenant's targets (admins). The audit entry names each priority that changed, in minutes. */
export async function saveSlaPolicy(ctx: AccessContext, body: TSlaPolicyRequest): Promise<TSlaPolicy> {
  const { actor } = await requireAccess(ctx, 'sla.update');
  const staff = actor as StaffActor;
  const _id = String(ctx.tenant._id);
  const before = await slaTargetsOf(ctx.tenant);
  const set = { targets: body.targets, updatedBy: staff.email, updatedAt: new Date() };
  try {
    await SlaPolicyModel.updateOne({ _id }, { $set: set }, { upsert: true });
  } catch (err) {
    // Two admins saving the first policy at once may both try to create it; the other one did.
    if (!isDuplicateKeyError(err)) throw err;
    await SlaPolicyModel.updateOne({ _id }, { $set: set });
  }
  await recordAudit(
    staff,
    'sla.update',
    { kind: 'tenant', id: _id, label: 'Service levels' },
    summaryOf(before, body.targets),
  );
  return policyView(ctx.tenant, set);
}
