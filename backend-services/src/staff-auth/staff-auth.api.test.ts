import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { browser } from '../../test/portal-accounts.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsCustomer } from '../../test/sessions.ts';
import { createStaffUser, foreignToken, idTokenOf } from '../../test/staff-accounts.ts';
import { TenantModel, type TTenantDoc } from '../tenants/tenant.model.ts';
import { SessionModel } from '../platform/auth/session.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('staff', (w) => ({ t, blue, green } = w));

const exchange = (slug: string, idToken: string, agent = browser(t, slug)) => ({
  agent,
  res: agent.post('/api/staff/auth/session').send({ idToken }),
});
const waitPastTheSecond = () => new Promise((r) => setTimeout(r, 1_100));

describe('POST /api/staff/auth/session', () => {
  it('trades the SDK ID token for a server session on their own tenant, with their role', async () => {
    const { email } = await createStaffUser(t, blue, 'admin');
    const { agent, res } = exchange('staff-blue', await idTokenOf(t, email));
    expect((await res).status).toBe(200);
    expect((await res).body).toEqual({ staff: { email, role: 'admin' }, tenant: { slug: 'staff-blue' } });
    expect((await agent.get('/api/session')).body.actor).toEqual({ kind: 'staff', role: 'admin', email });
    expect(String((await res).headers['set-cookie'])).toMatch(/wisp_session=.+HttpOnly/);
  });

  it("another tenant's staff, a customer's token, a token without claims and a forged token all get the one 401", async () => {
    const greenStaff = await createStaffUser(t, green, 'staff');
    const customer = await createStaffUser(t, blue, 'customer');
    const noClaims = await createStaffUser(t, null);
    const tokens = [
      await idTokenOf(t, greenStaff.email),
      await idTokenOf(t, customer.email),
      await idTokenOf(t, noClaims.email),
      foreignToken(greenStaff.uid),
      'not.a.token-at-all-but-long-enough',
    ];
    const answers = await Promise.all(tokens.map((token) => exchange('staff-blue', token).res));
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(answers[0]!.body);
    }
    expect(answers[0]!.body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await exchange('staff-green', tokens[0]!).res).status).toBe(200);
  });

  it('a disabled staff account → the same 401, even with a token issued before it was disabled', async () => {
    const staff = await createStaffUser(t, blue);
    const token = await idTokenOf(t, staff.email);
    await t.auth.updateUser(staff.uid, { disabled: true });
    const res = await exchange('staff-blue', token).res;
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('a token issued before its refresh tokens were revoked → 401 (verified with checkRevoked)', async () => {
    const staff = await createStaffUser(t, blue);
    const token = await idTokenOf(t, staff.email);
    await waitPastTheSecond(); // the emulator stores revocation to the second
    await t.auth.revokeRefreshTokens(staff.uid);
    expect((await exchange('staff-blue', token).res).status).toBe(401);
    expect((await exchange('staff-blue', await idTokenOf(t, staff.email)).res).status).toBe(200);
  });

  it('an empty or missing token → 400 with a field message, and no session', async () => {
    const res = await browser(t, 'staff-blue').post('/api/staff/auth/session').send({ idToken: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ idToken: 'Sign in again.' });
    expect(String(res.headers['set-cookie'] ?? '')).not.toMatch(/wisp_session=[^;]/);
  });

  it("on the tenant's own custom domain the staff side does not exist → 404 (config and exchange)", async () => {
    await TenantModel.updateOne(
      { _id: blue._id },
      { $set: { domains: ['portal.blue-wisp.example'], 'branding.portal.enableCustomDomain': true } },
    );
    const { email } = await createStaffUser(t, blue, 'admin');
    // The browser helper speaks to `<slug>.localhost`; this one to the tenant's own domain.
    const onDomain = () => browser(t, 'unused').set('X-Forwarded-Host', 'portal.blue-wisp.example');
    expect((await onDomain().get('/api/tenant/current')).status).toBe(200);
    expect((await onDomain().get('/api/staff/auth/config')).status).toBe(404);
    const res = await exchange('x', await idTokenOf(t, email), onDomain()).res;
    expect(res.status).toBe(404);
    expect((await onDomain().get('/api/session')).body.staffHost).toBe(false);
    expect((await browser(t, 'staff-blue').get('/api/session')).body.staffHost).toBe(true);
  });
});

describe('GET /api/staff/auth/config', () => {
  it('tells the sign-in page which project and which emulator the SDK must use (nothing reaches the internet)', async () => {
    const res = await browser(t, 'staff-blue').get('/api/staff/auth/config');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      apiKey: t.config.FIREBASE_WEB_API_KEY,
      projectId: t.config.FIREBASE_PROJECT_ID,
      authDomain: `${t.config.FIREBASE_PROJECT_ID}.firebaseapp.com`,
      emulatorUrl: `http://${t.config.FIREBASE_AUTH_EMULATOR_HOST}`,
    });
  });
});

describe('POST /api/staff/auth/logout', () => {
  it('ends the staff session', async () => {
    const { email } = await createStaffUser(t, blue);
    const { agent, res } = exchange('staff-blue', await idTokenOf(t, email));
    await res;
    expect((await agent.post('/api/staff/auth/logout')).status).toBe(204);
    expect((await agent.get('/api/session')).body.actor).toBeNull();
  });
});

describe('POST /api/staff/auth/logout-everywhere', () => {
  it('anonymous → 401; a customer → 404 (the customers sign out everywhere on their own door)', async () => {
    expect((await browser(t, 'staff-blue').post('/api/staff/auth/logout-everywhere')).status).toBe(401);
    const customer = await signInAsCustomer(t, browser(t, 'staff-blue'), blue, await createCustomer(blue));
    expect((await customer.post('/api/staff/auth/logout-everywhere')).status).toBe(404);
    expect((await customer.get('/api/session')).body.actor).toMatchObject({ kind: 'customer' });
  });

  it("ends every session of that staff member (not a colleague's) and revokes their tokens: an old ID token no longer signs in", async () => {
    const me = await createStaffUser(t, blue);
    const colleague = await createStaffUser(t, blue);
    const token = await idTokenOf(t, me.email);
    const laptop = exchange('staff-blue', token);
    const phone = exchange('staff-blue', await idTokenOf(t, me.email));
    const theirs = exchange('staff-blue', await idTokenOf(t, colleague.email));
    for (const s of [laptop, phone, theirs]) expect((await s.res).status).toBe(200);
    await waitPastTheSecond();
    expect((await laptop.agent.post('/api/staff/auth/logout-everywhere')).status).toBe(204);
    expect((await phone.agent.get('/api/session')).body.actor).toBeNull();
    expect((await laptop.agent.get('/api/session')).body.actor).toBeNull();
    expect((await theirs.agent.get('/api/session')).body.actor).toMatchObject({ email: colleague.email });
    expect(await SessionModel.countDocuments({ tenantId: blue._id, uid: me.uid })).toBe(0);
    expect((await exchange('staff-blue', token).res).status).toBe(401);
  });
});
