import http from 'node:http';
import type { Agent } from 'supertest';
import sharp from 'sharp';
import type { TestApp } from '../../test/harness.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { startSession } from '../platform/auth/session.service.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../platform/auth/session-cookie.ts';
import { TEST_CSRF } from '../../test/sessions.ts';

/** Shared by the ticket API tests (not a test file itself). */
export const customerPath = (c: Pick<TCustomerDoc, 'customerId'>, rest = '') =>
  `/api/work-orders/customer/${c.customerId}${rest}`;

export const aTicket = (overrides: Record<string, unknown> = {}) => ({
  title: 'Internet is very slow',
  description: 'Speeds drop below 5 Mbps every evening since Monday.',
  category: 'slow-speed',
  priority: 'medium',
  ...overrides,
});

export async function openTicketAs(
  agent: Agent,
  customer: Pick<TCustomerDoc, 'customerId'>,
  overrides: Record<string, unknown> = {},
) {
  const res = await agent.post(customerPath(customer)).send(aTicket(overrides));
  if (res.status !== 201) throw new Error(`could not open ticket: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.ticket as { id: string; ticketNumber: string; status: string };
}

export async function pngBytes(width = 40, height = 30): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .toBuffer();
}

/** A JPEG carrying GPS coordinates in its EXIF, as a phone photo would. */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .withExif({
      IFD0: { Make: 'PhonyPhone', Model: 'X1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '41/1 12/1 30/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '96/1 37/1 10/1',
      },
    })
    .jpeg()
    .toBuffer();
}

export type SseStream = {
  sessionId: string;
  ended: Promise<void>;
  events: { event: string; data: unknown }[];
  raw: () => string;
  /** The id of the last event that carried one (what a browser sends back as `Last-Event-ID`). */
  lastEventId?: () => string | undefined;
  headers: http.IncomingHttpHeaders;
  waitFor(
    pred: (e: { event: string; data: unknown }) => boolean,
    timeoutMs?: number,
  ): Promise<{ event: string; data: unknown }>;
  close(): void;
};

/**
 * Opens the customer's event stream with a fresh session of that customer and collects what arrives;
 * on `t`'s process unless `opts.baseUrl` names another, optionally resuming after `opts.lastEventId`.
 */
export async function openCustomerStream(
  t: TestApp,
  tenant: TTenantDoc,
  customer: TCustomerDoc,
  opts: { baseUrl?: string; lastEventId?: string } = {},
): Promise<SseStream> {
  const { token, sessionId } = await startSession(
    {
      kind: 'customer',
      tenantId: String(tenant._id),
      uid: `uid-${customer.customerId}`,
      customerId: customer.customerId,
    },
    { idleMinutes: t.config.SESSION_IDLE_MINUTES, absoluteHours: t.config.SESSION_ABSOLUTE_HOURS },
  );
  return collectEventStream(`${opts.baseUrl ?? t.baseUrl}${customerPath(customer, '/events')}`, {
    sessionId,
    cookie: `${SESSION_COOKIE}=${token}`,
    tenantSlug: tenant.slug,
    lastEventId: opts.lastEventId,
  });
}

/** Opens an event stream at `url` with a session cookie and collects what arrives (customer and desk streams). */
export function collectEventStream(
  url: string,
  session: { sessionId: string; cookie: string; tenantSlug: string; lastEventId?: string },
): Promise<SseStream> {
  let buffer = '';
  const events: { event: string; data: unknown }[] = [];
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      {
        headers: {
          Cookie: session.cookie,
          'X-Forwarded-Host': `${session.tenantSlug}.localhost`,
          ...(session.lastEventId ? { 'Last-Event-ID': session.lastEventId } : {}),
        },
      },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        res.setEncoding('utf8');
        const ended = new Promise<void>((done) => res.on('end', () => done()));
        res.on('data', (chunk: string) => {
          buffer += chunk;
          events.splice(0, events.length, ...parseEvents(buffer));
        });
        resolve({
          sessionId: session.sessionId,
          ended,
          events,
          raw: () => buffer,
          lastEventId: () => [...buffer.matchAll(/^id: (.*)$/gm)].at(-1)?.[1],
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

function parseEvents(buffer: string) {
  return buffer
    .split('\n\n')
    .slice(0, -1)
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      return event && data ? { event, data: JSON.parse(data) as unknown } : undefined;
    })
    .filter((e): e is { event: string; data: unknown } => Boolean(e));
}

/** A client with a CSRF token but no session: what an anonymous browser that loaded a page has. */
export function anonymousClient(t: TestApp, slug: string): Agent {
  const agent = t.client(slug);
  agent.jar.setCookie(`${CSRF_COOKIE}=${TEST_CSRF}; Path=/`, '127.0.0.1', '/');
  agent.set('X-CSRF-Token', TEST_CSRF);
  return agent;
}

/** Sends `method path` with a harmless valid body for that endpoint. */
export function call(agent: Agent, method: 'GET' | 'POST', path: string, body: object = {}) {
  return method === 'GET' ? agent.get(path) : agent.post(path).send(body);
}
