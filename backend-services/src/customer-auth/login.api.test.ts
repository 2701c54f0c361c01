import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { browser, createPortalCustomer, PASSWORD } from '../../test/portal-accounts.ts';
import { CustomerModel } from '../customers/customer.model.ts';
import { SessionModel } from '../platform/auth/session.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('login', (w) => ({ t, blue, green } = w));

const login = (slug: string, identifier: string, password = PASSWORD) =>
  browser(t, slug).post('/api/customer-portal/auth/login').send({ identifier, password });

describe('POST /api/customer-portal/auth/login', () => {
  it('signs a customer in by email, sets an httpOnly SameSite=Lax cookie and answers the allowlisted view', async () => {
    const c = await createPortalCustomer(t, blue, { email: 'Maria.Hansen@Example.test' });
    const agent = browser(t, 'login-blue');
    const res = await agent
      .post('/api/customer-portal/auth/login')
      .send({ identifier: '  MARIA.hansen@example.TEST ', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.customer.customerId).toBe(c.customerId);
    expect(res.body.tenant).toEqual({ slug: 'login-blue' });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/wisp_session=[\w-]{40,}/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure'); // plain-http development host
    expect((await agent.get('/api/session')).body.actor).toEqual({ kind: 'customer', customerId: c.customerId });
    const stored = await CustomerModel.findById(c._id).lean();
    expect(stored?.portalAccess?.lastLoginAt).toBeInstanceOf(Date);
  });

  it.each(['(402) 555-2001', '402-555-2001', '+1 402 555 2001'])(
    'signs a customer in by phone written as %s',
    async (phone) => {
      await CustomerModel.deleteMany({ tenantId: blue._id, primaryPhone: '+14025552001' });
      const c = await createPortalCustomer(t, blue, { primaryPhone: '+14025552001' });
      const res = await login('login-blue', phone);
      expect(res.status).toBe(200);
      expect(res.body.customer.customerId).toBe(c.customerId);
    },
  );

  it("wrong password, unknown identifier and another tenant's customer all get the same 401 answer", async () => {
    const ours = await createPortalCustomer(t, blue);
    const theirs = await createPortalCustomer(t, green);
    const answers = await Promise.all([
      login('login-blue', ours.email!, 'Wrong-Password-123'),
      login('login-blue', 'nobody@example.test'),
      login('login-blue', '+1 402 555 9999'),
      login('login-blue', theirs.email!),
      login('login-blue', theirs.primaryPhone!),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(answers[0]!.body);
      expect(res.headers['set-cookie'] ?? '').not.toContain('wisp_session=');
    }
    expect(answers[0]!.body.error.code).toBe('INVALID_CREDENTIALS');
    // The other tenant's customer signs in fine on their own portal.
    expect((await login('login-green', theirs.email!)).status).toBe(200);
  });

  it('a customer whose SERVICE is suspended can sign in, and /me shows the suspension', async () => {
    const c = await createPortalCustomer(t, blue, { serviceStatus: 'suspended' });
    const agent = browser(t, 'login-blue');
    expect(
      (await agent.post('/api/customer-portal/auth/login').send({ identifier: c.email, password: PASSWORD })).status,
    ).toBe(200);
    const me = await agent.get('/api/customer-portal/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.customer.serviceStatus).toBe('suspended');
  });

  it.each([
    ['portal access disabled', { enabled: false }],
    ['account locked', { status: 'locked' as const }],
    ['account suspended', { status: 'suspended' as const }],
    ['email not yet verified (pending)', { status: 'pending' as const }],
  ])('with the right password, %s gets the same generic 401', async (_label, account) => {
    const c = await createPortalCustomer(t, blue, {}, account);
    const res = await login('login-blue', c.email!);
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'That email or phone number and password do not match an account.',
    });
  });

  it('the cookie is Secure when the portal is served over https', async () => {
    const c = await createPortalCustomer(t, blue);
    const res = await browser(t, 'login-blue')
      .post('/api/customer-portal/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ identifier: c.email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/wisp_session=[^;]+;.*; Secure;/);
  });

  it('nothing the client sends chooses the customer: a customerId in the body is ignored', async () => {
    const c = await createPortalCustomer(t, blue);
    const victim = await createPortalCustomer(t, blue);
    const agent = browser(t, 'login-blue');
    await agent
      .post('/api/customer-portal/auth/login')
      .send({ identifier: c.email, password: PASSWORD, customerId: victim.customerId, uid: victim.uid })
      .expect(200);
    expect((await agent.get('/api/customer-portal/auth/me')).body.customer.customerId).toBe(c.customerId);
  });

  it('a customer record without a linked account cannot sign in', async () => {
    const c = await createCustomer(blue);
    expect((await login('login-blue', c.email!)).status).toBe(401);
  });

  it('refuses a login without the CSRF token', async () => {
    const c = await createPortalCustomer(t, blue);
    const res = await t
      .client('login-blue')
      .post('/api/customer-portal/auth/login')
      .send({ identifier: c.email, password: PASSWORD });
    expect(res.status).toBe(403);
  });

  it('answers 400 naming the field when the identifier is missing', async () => {
    const res = await browser(t, 'login-blue').post('/api/customer-portal/auth/login').send({ password: 'x' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['identifier']);
  });
});

describe('GET /api/customer-portal/auth/me', () => {
  it('anonymous → 401', async () => {
    expect((await browser(t, 'login-blue').get('/api/customer-portal/auth/me')).status).toBe(401);
  });

  it('a session of another tenant is not a session here → 401', async () => {
    const c = await createPortalCustomer(t, green);
    const agent = browser(t, 'login-green');
    await agent.post('/api/customer-portal/auth/login').send({ identifier: c.email, password: PASSWORD }).expect(200);
    expect(
      (await agent.get('/api/customer-portal/auth/me').set('X-Forwarded-Host', 'login-blue.localhost')).status,
    ).toBe(401);
  });

  it('shows the customer from an allowlist (no uid, access code or internal notes) and the public tenant', async () => {
    const c = await createPortalCustomer(t, blue, {
      serviceAddress: { street: '1 Main St', city: 'Wahoo', state: 'NE', postalCode: '68066', country: 'US' },
      installations: [
        { date: new Date(), type: 'installation', customerNotes: 'Mounted on gable', internalNotes: 'dog in yard' },
      ],
    });
    const agent = browser(t, 'login-blue');
    await agent.post('/api/customer-portal/auth/login').send({ identifier: c.email, password: PASSWORD }).expect(200);
    const res = await agent.get('/api/customer-portal/auth/me');
    expect(res.status).toBe(200);
    expect(res.body.customer).toMatchObject({
      customerId: c.customerId,
      serviceStatus: 'active',
      serviceAddress: { city: 'Wahoo' },
    });
    expect(res.body.tenant.slug).toBe('login-blue');
    const text = JSON.stringify(res.body);
    for (const secret of [c.uid, 'dog in yard', 'portalAccess', 'firebaseUid', 'siteId', 'tenantId'])
      expect(text).not.toContain(secret);
  });
});

describe('sessions started by login', () => {
  async function signedIn() {
    const c = await createPortalCustomer(t, blue);
    const agent = browser(t, 'login-blue');
    await agent.post('/api/customer-portal/auth/login').send({ identifier: c.email, password: PASSWORD }).expect(200);
    return { c, agent };
  }

  it('idle longer than the idle timeout: expired, and /me says SESSION_EXPIRED', async () => {
    const { c, agent } = await signedIn();
    await SessionModel.updateMany({ uid: c.uid }, { $set: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    const res = await agent.get('/api/customer-portal/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('past the absolute lifetime: expired even while active', async () => {
    const { c, agent } = await signedIn();
    await SessionModel.updateMany({ uid: c.uid }, { $set: { absoluteExpiresAt: new Date(Date.now() - 1000) } });
    expect((await agent.get('/api/customer-portal/auth/me')).body.error.code).toBe('SESSION_EXPIRED');
  });

  it('the absolute lifetime is 12 h from sign-in by default', async () => {
    const { c } = await signedIn();
    const session = await SessionModel.findOne({ uid: c.uid }).lean();
    const hours = (session!.absoluteExpiresAt.getTime() - session!.createdAt.getTime()) / 3_600_000;
    expect(hours).toBe(12);
  });
});

describe('POST /api/customer-portal/auth/logout', () => {
  it('ends the session: the old cookie no longer works, even replayed', async () => {
    const c = await createPortalCustomer(t, blue);
    const agent = browser(t, 'login-blue');
    const res = await agent.post('/api/customer-portal/auth/login').send({ identifier: c.email, password: PASSWORD });
    const token = /wisp_session=([^;]+)/.exec(String(res.headers['set-cookie']))![1]!;
    const out = await agent.post('/api/customer-portal/auth/logout');
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/wisp_session=;/);
    expect(await SessionModel.countDocuments({ uid: c.uid })).toBe(0);
    const replay = await browser(t, 'login-blue')
      .get('/api/customer-portal/auth/me')
      .set('Cookie', `wisp_session=${token}`);
    expect(replay.status).toBe(401);
  });

  it('anonymous logout is harmless (204)', async () => {
    expect((await browser(t, 'login-blue').post('/api/customer-portal/auth/logout')).status).toBe(204);
  });
});

describe('POST /api/customer-portal/auth/logout-everywhere', () => {
  it('anonymous → 401', async () => {
    expect((await browser(t, 'login-blue').post('/api/customer-portal/auth/logout-everywhere')).status).toBe(401);
  });

  it("ends every session of the customer (other devices too) but no one else's", async () => {
    const c = await createPortalCustomer(t, blue);
    const other = await createPortalCustomer(t, blue);
    const phone = browser(t, 'login-blue');
    const laptop = browser(t, 'login-blue');
    const neighbour = browser(t, 'login-blue');
    await phone.post('/api/customer-portal/auth/login').send({ identifier: c.email, password: PASSWORD }).expect(200);
    await laptop.post('/api/customer-portal/auth/login').send({ identifier: c.email, password: PASSWORD }).expect(200);
    await neighbour
      .post('/api/customer-portal/auth/login')
      .send({ identifier: other.email, password: PASSWORD })
      .expect(200);
    expect((await phone.post('/api/customer-portal/auth/logout-everywhere')).status).toBe(204);
    expect((await laptop.get('/api/customer-portal/auth/me')).status).toBe(401);
    expect((await phone.get('/api/customer-portal/auth/me')).status).toBe(401);
    expect((await neighbour.get('/api/customer-portal/auth/me')).status).toBe(200);
  });
});
