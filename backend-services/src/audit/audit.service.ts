import type { TAuditAction, TAuditEntry, TAuditList, TAuditListQuery } from '@wisp/shared';
import { requireAccess, type AccessContext } from '../platform/access/access.ts';
import { escapeRegex } from '../platform/util/escape-regex.ts';
import type { StaffActor } from '../platform/auth/actor.ts';
import { AuditEntryModel, type TAuditEntryDoc } from './audit.model.ts';

export type AuditTarget = TAuditEntry['target'];

/**
 * Records a change a staff member made. Call it after the change succeeded, from the service that made
 * it, with the actor the access check granted (so the log names who really did it).
 */
export async function recordAudit(
  actor: StaffActor,
  action: TAuditAction,
  target: AuditTarget,
  summary?: string,
): Promise<void> {
  await AuditEntryModel.create({
    tenantId: actor.tenantId,
    at: new Date(),
    actor: { uid: actor.uid, email: actor.email, role: actor.role },
    action,
    target,
    summary,
  });
}

/** The admin-facing view of one row. */
export function auditEntryView(doc: TAuditEntryDoc): TAuditEntry {
  return {
    id: String(doc._id),
    at: doc.at.toISOString(),
    actor: { uid: doc.actor.uid, email: doc.actor.email, role: doc.actor.role },
    action: doc.action as TAuditAction,
    target: {
      kind: doc.target.kind as AuditTarget['kind'],
      id: doc.target.id,
      ...(doc.target.label ? { label: doc.target.label } : {}),
    },
    ...(doc.summary ? { summary: doc.summary } : {}),
  };
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The tenant's audit log for its admins, newest first, narrowed by action, target, actor (email, any
 * part) and a date range (whole UTC days, `to` included).
 */
export async function listAudit(ctx: AccessContext, query: TAuditListQuery): Promise<TAuditList> {
  await requireAccess(ctx, 'audit.read');
  const filter: Record<string, unknown> = { tenantId: ctx.tenant._id };
  if (query.action) filter.action = query.action;
  if (query.targetKind) filter['target.kind'] = query.targetKind;
  if (query.targetId) filter['target.id'] = query.targetId;
  if (query.actor) filter['actor.email'] = { $regex: escapeRegex(query.actor), $options: 'i' };
  if (query.from || query.to) {
    filter.at = {
      ...(query.from ? { $gte: new Date(`${query.from}T00:00:00.000Z`) } : {}),
      ...(query.to ? { $lt: new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + DAY) } : {}),
    };
  }
  const [docs, total] = await Promise.all([
    AuditEntryModel.find(filter)
      .sort({ at: -1, _id: -1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean<TAuditEntryDoc[]>(),
    AuditEntryModel.countDocuments(filter),
  ]);
  return { items: docs.map(auditEntryView), page: query.page, pageSize: query.pageSize, total };
}
