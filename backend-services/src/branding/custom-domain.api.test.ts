import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dns2 from 'dns2';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createTenant } from '../../test/factories.ts';
import { signInAsStaff } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { AuditEntryModel } from '../audit/audit.model.ts';

/** A DNS server in this process: the records the test puts in `zone` are what "check now" finds. */
const zone = new Map<string, { type: 'TXT' | 'CNAME'; value: string }[]>();
const dnsServer = dns2.createServer({
  udp: true,
  handle: (request, send) => {
    const response = dns2.Packet.createResponseFromRequest(request as never) as unknown as dns2.DnsResponse;
    const [question] = request.questions;
    for (const r of zone.get(question!.name.toLowerCase()) ?? [])
      response.answers.push(
        r.type === 'TXT'
          ? { name: question!.name, type: dns2.Packet.TYPE.TXT, class: dns2.Packet.CLASS.IN, ttl: 1, data: r.value }
          : {
              name: question!.name,
              type: dns2.Packet.TYPE.CNAME,
              class: dns2.Packet.CLASS.IN,
              ttl: 1,
              domain: r.value,
            },
      );
    send(response);
  },
});
let dnsPort = 0;
beforeAll(async () => {
  await dnsServer.listen({ udp: { port: 0, address: '127.0.0.1' } });
  dnsPort = (dnsServer.addresses().udp as AddressInfo).port;
  process.env.TEST_DNS_PORT = String(dnsPort);
});
afterAll(() => dnsServer.close());

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('brdns', (w) => ({ t, blue, green } = w), {
  get DNS_SERVER() {
    return `127.0.0.1:${process.env.TEST_DNS_PORT}`;
  },
  CUSTOM_DOMAIN_TARGET: 'portal.wisp-platform.test',
} as never);

const path = (tenant: TTenantDoc, rest = '') => `/api/tenant/${String(tenant._id)}/branding/domain${rest}`;
const admin = (tenant: TTenantDoc) => signInAsStaff(t, t.client(tenant.slug), tenant, 'admin');

describe('a custom domain: pending → verified → active', () => {
  it('goes pending with instructions, verified once the test DNS server has the records, then the portal answers on it', async () => {
    const tenant = await createTenant();
    const agent = await admin(tenant);
    const claimed = await agent.put(path(tenant)).send({ domain: 'Support.Blue-ISP.example' });
    expect(claimed.status).toBe(200);
    const { domain } = claimed.body;
    expect(domain).toMatchObject({
      name: 'support.blue-isp.example',
      state: 'pending',
      records: {
        cname: { name: 'support.blue-isp.example', value: 'portal.wisp-platform.test' },
        txt: {
          name: '_wisp-verification.support.blue-isp.example',
          value: expect.stringMatching(/^wisp-verification=[a-f0-9]{32}$/),
        },
      },
    });
    expect((await t.client(null).get('/api/tls/ask?domain=support.blue-isp.example')).status).toBe(404);

    // Nothing in DNS yet: still pending, and the answer says what is missing.
    const early = await agent.post(path(tenant, '/check')).send({});
    expect(early.body.domain.state).toBe('pending');
    expect(early.body.domain.problems).toHaveLength(2);
    expect((await agent.post(path(tenant, '/activate')).send({})).status).toBe(400);

    zone.set('_wisp-verification.support.blue-isp.example', [{ type: 'TXT', value: domain.records.txt.value }]);
    zone.set('support.blue-isp.example', [{ type: 'CNAME', value: 'portal.wisp-platform.test' }]);
    const checked = await agent.post(path(tenant, '/check')).send({});
    expect(checked.body.domain).toMatchObject({ state: 'verified', problems: [] });
    expect((await t.client(null).get('/api/tls/ask?domain=support.blue-isp.example')).status).toBe(200);

    // Not yet active: the portal does not answer on the domain.
    const onDomain = () =>
      t.client(null).get('/api/tenant/current').set('X-Forwarded-Host', 'support.blue-isp.example');
    expect((await onDomain()).status).toBe(404);
    const active = await agent.post(path(tenant, '/activate')).send({});
    expect(active.body.domain.state).toBe('active');
    const res = await onDomain();
    expect(res.status).toBe(200);
    expect(res.body.tenant.slug).toBe(tenant.slug);

    const audit = await AuditEntryModel.find({ tenantId: tenant._id, action: 'branding.domain' }).lean();
    expect(audit.map((a) => a.summary)).toEqual([
      'Claimed support.blue-isp.example (pending)',
      'Verified support.blue-isp.example',
      'Activated support.blue-isp.example',
    ]);
  });

  it('a TXT record with the wrong token does not verify', async () => {
    const tenant = await createTenant();
    const agent = await admin(tenant);
    await agent.put(path(tenant)).send({ domain: 'wrong.blue-isp.example' });
    zone.set('_wisp-verification.wrong.blue-isp.example', [{ type: 'TXT', value: 'wisp-verification=0000' }]);
    zone.set('wrong.blue-isp.example', [{ type: 'CNAME', value: 'portal.wisp-platform.test' }]);
    const checked = await agent.post(path(tenant, '/check')).send({});
    expect(checked.body.domain.state).toBe('pending');
    expect(checked.body.domain.problems[0]).toMatch(/No TXT record/);
  });

  it('a domain another tenant claimed → 409 naming the field; two claims at once: exactly one wins', async () => {
    const a = await admin(blue);
    const b = await admin(green);
    const [ra, rb] = await Promise.all([
      a.put(path(blue)).send({ domain: 'contested.example' }),
      b.put(path(green)).send({ domain: 'contested.example' }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const loser = ra.status === 409 ? ra : rb;
    expect(loser.body.error.fields.domain).toMatch(/another portal/);
  });

  it.each(['https://x.example/path', 'not a domain', 'localhost', 'a..example.com'])(
    'a malformed domain (%s) → 400 on domain',
    async (domain) => {
      const tenant = await createTenant();
      const res = await (await admin(tenant)).put(path(tenant)).send({ domain });
      expect(res.status).toBe(400);
      expect(res.body.error.fields.domain).toBeTruthy();
    },
  );

  it('staff (not admin) → 404; another tenant’s admin → 404', async () => {
    const staff = await signInAsStaff(t, t.client(blue.slug), blue, 'staff');
    expect((await staff.get(path(blue))).status).toBe(404);
    expect((await (await admin(green)).get(path(blue))).status).toBe(404);
  });
});

describe('GET /api/tls/ask', () => {
  it('answers 404 for an unknown or malformed domain, with no tenant host at all', async () => {
    expect((await t.client(null).get('/api/tls/ask?domain=unknown.example')).status).toBe(404);
    expect((await t.client(null).get('/api/tls/ask?domain=%3Cscript%3E')).status).toBe(404);
    expect((await t.client(null).get('/api/tls/ask')).status).toBe(404);
  });
});
