import type { AccessContext } from '../../platform/access/access.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/http/app-error.ts';

/** The staff member behind a staff-only service call (its access check already passed). */
export function staffActorOfContext(ctx: AccessContext): StaffActor {
  if (ctx.actor?.kind !== 'staff') throw AppError.notFound();
  return ctx.actor;
}
