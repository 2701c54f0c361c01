import type { Agent } from 'supertest';
import type { TestApp } from '../../test/harness.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { startSession } from '../platform/auth/session.service.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../platform/auth/session-cookie.ts';
import { TEST_CSRF } from '../../test/sessions.ts';
import { collectEventStream, type SseStream } from '../tickets/ticket-test-kit.ts';

/** Shared by the desk API tests (not a test file itself). */

async function staffSession(t: TestApp, tenant: TTenantDoc, email: string, role: 'staff' | 'admin') {
  return startSession(
    { kind: 'staff', tenantId: String(tenant._id), uid: `uid-${email}`, role, email },
    { idleMinutes: t.config.SESSION_IDLE_MINUTES, absoluteHours: t.config.SESSION_ABSOLUTE_HOURS },
  );
}

/** A signed-in staff member with their own email (the desk tells people apart by email). */
export async function staffAs(t: TestApp, tenant: TTenantDoc, email: string, role: 'staff' | 'admin' = 'staff') {
  const { token } = await staffSession(t, tenant, email, role);
  const agent: Agent = t.client(tenant.slug);
  agent.jar.setCookie(`${SESSION_COOKIE}=${token}; Path=/`, '127.0.0.1', '/');
  agent.jar.setCookie(`${CSRF_COOKIE}=${TEST_CSRF}; Path=/`, '127.0.0.1', '/');
  agent.set('X-CSRF-Token', TEST_CSRF);
  return agent;
}

/**
 * Opens the desk's event stream as a staff member and collects what arrives; on `t`'s process unless
 * `opts.baseUrl` names another, optionally resuming after `opts.lastEventId`.
 */
export async function openStaffStream(
  t: TestApp,
  tenant: TTenantDoc,
  email: string,
  opts: { baseUrl?: string; lastEventId?: string } = {},
): Promise<SseStream> {
  const { token, sessionId } = await staffSession(t, tenant, email, 'staff');
  return collectEventStream(`${opts.baseUrl ?? t.baseUrl}/api/work-orders/events`, {
    sessionId,
    cookie: `${SESSION_COOKIE}=${token}`,
    tenantSlug: tenant.slug,
    lastEventId: opts.lastEventId,
  });
}
