import type { TAuditAction, TAuditEntry } from '@wisp/shared';
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
