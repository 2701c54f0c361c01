import type { RequestEvent } from '@sveltejs/kit';
import { BackendError, send } from './api.ts';

export type PortalSession = {
  actor: { kind: 'customer'; customerId: string } | { kind: 'staff'; role: string; email: string } | null;
  expired: boolean;
  /** Whether this host serves the staff side (the tenant's platform host, not its custom domain). */
  staffHost?: boolean;
};

/** `GET /api/session`: cheap (one `_id` lookup on the backend). A backend hiccup counts as signed out. */
export async function loadSession(event: RequestEvent): Promise<PortalSession> {
  try {
    return await send<PortalSession>(event, '/api/session');
  } catch (err) {
    if (err instanceof BackendError) return { actor: null, expired: false, staffHost: false };
    throw err;
  }
}

export function signedInCustomerId(session: PortalSession | null): string | null {
  return session?.actor?.kind === 'customer' ? session.actor.customerId : null;
}

export type StaffActor = Extract<NonNullable<PortalSession['actor']>, { kind: 'staff' }>;

export function signedInStaff(session: PortalSession | null): StaffActor | null {
  return session?.actor?.kind === 'staff' ? session.actor : null;
}
