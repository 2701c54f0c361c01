import type { Agent } from 'supertest';
import type { TTenantDoc } from '../src/tenants/tenant.model.ts';
import type { TCustomerDoc } from '../src/customers/customer.model.ts';
import { startSession } from '../src/platform/auth/session.service.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../src/platform/auth/session-cookie.ts';
import type { TestApp } from './harness.ts';

/**
 * Signs a test client in without the login endpoint (whose own tests cover it), so feature tests
 * start from a real session row and cookie. Also gives the client a CSRF token for writes.
 */
export async function signInAsCustomer(t: TestApp, agent: Agent, tenant: TTenantDoc, customer: TCustomerDoc) {
  const { token } = await startSession(
    {
      kind: 'customer',
      tenantId: String(tenant._id),
      uid: `uid-${customer.customerId}`,
      customerId: customer.customerId,
    },
    policyOf(t),
  );
  return withCookies(agent, token);
}

export async function signInAsStaff(t: TestApp, agent: Agent, tenant: TTenantDoc, role: 'admin' | 'staff' = 'staff') {
  const { token } = await startSession(
    {
      kind: 'staff',
      tenantId: String(tenant._id),
      uid: `staff-${role}-${tenant.slug}`,
      role,
      email: `${role}@${tenant.slug}.example`,
    },
    policyOf(t),
  );
  return withCookies(agent, token);
}

const policyOf = (t: TestApp) => ({
  idleMinutes: t.config.SESSION_IDLE_MINUTES,
  absoluteHours: t.config.SESSION_ABSOLUTE_HOURS,
});

export const TEST_CSRF = 'test-csrf-token-0123456789abcdefghijkl';

function withCookies(agent: Agent, sessionToken: string) {
  // The agent's cookie jar is keyed by the request URL's host (127.0.0.1), not the forwarded host.
  agent.jar.setCookie(`${SESSION_COOKIE}=${sessionToken}; Path=/`, '127.0.0.1', '/');
  agent.jar.setCookie(`${CSRF_COOKIE}=${TEST_CSRF}; Path=/`, '127.0.0.1', '/');
  agent.set('X-CSRF-Token', TEST_CSRF);
  return agent;
}
