import http from 'node:http';
import type { Agent } from 'supertest';
import type { TestApp } from '../../test/harness.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { startSession } from '../platform/auth/session.service.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../platform/auth/session-cookie.ts';
import { TEST_CSRF } from '../../test/sessions.ts';
import type { SseStream } from '../tickets/ticket-test-kit.ts';

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

/** Opens the desk's event stream as a staff member and collects what arrives. */
export async function openStaffStream(t: TestApp, tenant: TTenantDoc, email: string): Promise<SseStream> {
  const { token, sessionId } = await staffSession(t, tenant, email, 'staff');
  let buffer = '';
  const events: { event: string; data: unknown }[] = [];
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${t.baseUrl}/api/work-orders/events`,
      { headers: { Cookie: `${SESSION_COOKIE}=${token}`, 'X-Forwarded-Host': `${tenant.slug}.localhost` } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        res.setEncoding('utf8');
        const ended = new Promise<void>((done) => res.on('end', () => done()));
        res.on('data', (chunk: string) => {
          buffer += chunk;
          const parsed = buffer
            .split('\n\n')
            .slice(0, -1)
            .map((block) => {
              const event = /^event: (.*)$/m.exec(block)?.[1];
              const data = /^data: (.*)$/m.exec(block)?.[1];
              return event && data ? { event, data: JSON.parse(data) as unknown } : undefined;
            })
            .filter((e): e is { event: string; data: unknown } => Boolean(e));
          events.splice(0, events.length, ...parsed);
        });
        resolve({
          sessionId,
          ended,
          events,
          raw: () => buffer,
          headers: res.headers,
          async waitFor(pred, timeoutMs = 5_000) {
            const deadline = Date.now() + timeoutMs;
            for (;;) {
              const found = events.find(pred);
              if (found) return found;
              if (Date.now() > deadline) throw new Error(`no matching event; got ${JSON.stringify(events)}`);
              await new Promise((r) => setTimeout(r, 25));
            }
          },
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err);
    });
  });
}
