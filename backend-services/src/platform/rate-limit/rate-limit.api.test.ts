import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import { twoTenantWorld } from '../../../test/kit.ts';
import { createCustomer } from '../../../test/factories.ts';
import { browser, createPortalCustomer, nextIp, PASSWORD } from '../../../test/portal-accounts.ts';
import { createStaffUser, foreignToken, idTokenOf } from '../../../test/staff-accounts.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import { TEST_CSRF } from '../../../test/sessions.ts';
import { CSRF_COOKIE } from '../auth/session-cookie.ts';
import { RateLimitHitModel } from './rate-limit.model.ts';
import { countAttempt, rule } from './rate-limit.service.ts';
import { sweepExpired } from '../sweeps/sweeps.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('limit', (w) => ({ t, blue, green } = w));

const login = (identifier: string, password: string, ip = nextIp()) =>
  browser(t, 'limit-blue', ip).post('/api/customer-portal/auth/login').send({ identifier, password });

describe('failed logins', () => {
  it('after 5 failures for one identifier (from different IPs) → 429 RATE_LIMITED with Retry-After, even with the right password', async () => {
    const c = await createPortalCustomer(t, blue, { primaryPhone: '+14025556001' });
    // The same person typed three ways counts as one identifier.
    for (const id of ['402-555-6001', '(402) 555-6001', '+1 402 555 6001', '4025556001', '402 555 6001']) {
      expect((await login(id, 'Wrong-Password-1')).status).toBe(401);
    }
    const res = await login(c.email!.toUpperCase(), PASSWORD);
    expect(res.status).toBe(200); // the email is a different identifier…
    const blocked = await login('402.555.6001', PASSWORD);
    expect(blocked.status).toBe(429); // …the phone is locked out, right password or not.
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('after 20 failures from one IP (any identifiers), a wrong password → 429 that does not blame the user; a successful login does not reset the IP count', async () => {
    const ip = nextIp();
    for (let i = 0; i < 19; i++)
      expect((await login(`nobody${i}@example.test`, 'Wrong-Password-1', ip)).status).toBe(401);
    const c = await createPortalCustomer(t, blue);
    expect((await login(c.email!, PASSWORD, ip)).status).toBe(200);
    expect((await login('nobody-last@example.test', 'Wrong-Password-1', ip)).status).toBe(401);
    const blocked = await login('nobody-more@example.test', 'Wrong-Password-1', ip);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/^Too many sign-in attempts from this network\./);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('when only the per-IP limit is over, the right password of an account not under attack still signs in', async () => {
    const ip = nextIp();
    for (let i = 0; i < 20; i++)
      expect((await login(`sprayed${i}@example.test`, 'Wrong-Password-1', ip)).status).toBe(401);
    const c = await createPortalCustomer(t, blue);
    expect((await login(c.email!, 'Wrong-Password-1', ip)).status).toBe(429);
    expect((await login(c.email!, PASSWORD, ip)).status).toBe(200);
  });

  it('failures on one tenant from one IP never lock out another tenant: its customer and staff admin sign in → 200', async () => {
    const ip = nextIp();
    for (let i = 0; i < 25; i++) await login(`blue-guess${i}@example.test`, 'Wrong-Password-1', ip);
    for (let i = 0; i < 25; i++)
      await browser(t, 'limit-blue', ip)
        .post('/api/staff/auth/session')
        .send({ idToken: foreignToken(`blue-staff-${i}`) });
    const greenCustomer = await createPortalCustomer(t, green);
    const admin = await createStaffUser(t, green, 'admin');
    const customerLogin = await browser(t, 'limit-green', ip)
      .post('/api/customer-portal/auth/login')
      .send({ identifier: greenCustomer.email, password: PASSWORD });
    expect(customerLogin.status).toBe(200);
    const staffLogin = await browser(t, 'limit-green', ip)
      .post('/api/staff/auth/session')
      .send({ idToken: await idTokenOf(t, admin.email) });
    expect(staffLogin.status).toBe(200);
  });

  it('staff: after 20 refused token exchanges from one IP, a refused one → 429 that does not blame the user; a good one still signs in', async () => {
    const ip = nextIp();
    for (let i = 0; i < 20; i++)
      expect(
        (
          await browser(t, 'limit-blue', ip)
            .post('/api/staff/auth/session')
            .send({ idToken: foreignToken(`sprayed-${i}`) })
        ).status,
      ).toBe(401);
    const refused = await browser(t, 'limit-blue', ip)
      .post('/api/staff/auth/session')
      .send({ idToken: foreignToken('sprayed-last') });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/^Too many sign-in attempts from this network\./);
    const staff = await createStaffUser(t, blue);
    const ok = await browser(t, 'limit-blue', ip)
      .post('/api/staff/auth/session')
      .send({ idToken: await idTokenOf(t, staff.email) });
    expect(ok.status).toBe(200);
  });

  it('staff: after 5 refused exchanges for one person (from different IPs) → 429 with Retry-After, even with a good token', async () => {
    const staff = await createStaffUser(t, blue);
    for (let i = 0; i < 5; i++)
      expect(
        (
          await browser(t, 'limit-blue')
            .post('/api/staff/auth/session')
            .send({ idToken: foreignToken(staff.uid) })
        ).status,
      ).toBe(401);
    const blocked = await browser(t, 'limit-blue')
      .post('/api/staff/auth/session')
      .send({ idToken: await idTokenOf(t, staff.email) });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(14 * 60);
  });

  it('counts the address the web server forwarded, not what the client claimed further left in X-Forwarded-For', async () => {
    const statuses = [];
    for (let i = 0; i < 21; i++)
      statuses.push(
        (
          await t
            .client('limit-blue')
            .set('X-Forwarded-For', `203.0.113.${i}, 10.20.30.40`)
            .set('Cookie', `${CSRF_COOKIE}=${TEST_CSRF}`)
            .set('X-CSRF-Token', TEST_CSRF)
            .post('/api/customer-portal/auth/login')
            .send({ identifier: `claimed${i}@example.test`, password: 'Wrong-Password-1' })
        ).status,
      );
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('password resets capped on one tenant for an IP are still accepted on another tenant', async () => {
    const ip = nextIp();
    const reset = (slug: string, i: number) =>
      browser(t, slug, ip)
        .post('/api/customer-portal/auth/reset-password')
        .send({ identifier: `forgetful${i}@example.test` });
    for (let i = 0; i < 10; i++) expect((await reset('limit-blue', i)).status).toBe(202);
    expect((await reset('limit-blue', 10)).status).toBe(429);
    expect((await reset('limit-green', 11)).status).toBe(202);
  });

  it('stores no email or phone in the clear', async () => {
    await login('private.person@example.test', 'Wrong-Password-1');
    const keys = (await RateLimitHitModel.find().lean()).map((h) => h.key).join(' ');
    expect(keys).not.toContain('private.person');
    expect(keys).not.toContain('+1402');
  });
});

describe('parallel attempts', () => {
  const wrongAtOnce = (identifier: string, clients: Pick<TestApp, 'client'>[]) =>
    Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        browser(clients[i % clients.length]!, 'limit-blue')
          .post('/api/customer-portal/auth/login')
          .send({ identifier, password: `Wrong-Password-${i}` }),
      ),
    ).then((answers) => answers.map((r) => r.status));

  it('20 wrong passwords at once for one customer: at most 5 reach the password check, the rest → 429', async () => {
    const c = await createPortalCustomer(t, blue);
    const statuses = await wrongAtOnce(c.email!, [t]);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
  });

  it('the same, split over two backend processes on one database: at most 5 reach the password check', async () => {
    const c = await createPortalCustomer(t, blue);
    const statuses = await wrongAtOnce(c.email!, [t, await t.anotherInstance()]);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
  });

  it('20 refused staff exchanges at once for one person over two processes: at most 5 reach the token check', async () => {
    // Another tenant's staff: a genuine token, refused here.
    const staff = await createStaffUser(t, green);
    const token = await idTokenOf(t, staff.email);
    const other = await t.anotherInstance();
    const statuses = (
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          browser(i % 2 ? other : t, 'limit-blue')
            .post('/api/staff/auth/session')
            .send({ idToken: token }),
        ),
      )
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
  });
});

describe('sign-up, reset and link-account attempts', () => {
  it('sign-up: the 6th attempt for one customer within the hour → 429', async () => {
    const c = await createCustomer(blue);
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(
        (
          await browser(t, 'limit-blue')
            .post('/api/customer-portal/auth/signup')
            .send({ customerId: c.customerId, phone: '402-555-0000', password: PASSWORD })
        ).status,
      );
    }
    expect(results).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('reset-password: the 4th request for one identifier within the hour → 429 (still no hint whether it exists)', async () => {
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push(
        (
          await browser(t, 'limit-blue')
            .post('/api/customer-portal/auth/reset-password')
            .send({ identifier: 'someone@example.test' })
        ).status,
      );
    expect(results).toEqual([202, 202, 202, 429]);
  });

  it('link-account: after 10 wrong codes from one IP → 429', async () => {
    const ip = nextIp();
    const results = [];
    for (let i = 0; i < 11; i++) {
      results.push(
        (
          await browser(t, 'limit-blue', ip)
            .post('/api/customer-portal/auth/link-account')
            .send({ accessCode: `guessed-code-${i}-abcdefghijkl`, password: PASSWORD })
        ).status,
      );
    }
    expect(results.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(results[10]).toBe(429);
  });
});

describe('the limiter itself', () => {
  it('holds across processes because it counts rows in the shared database, and the sweep deletes only old rows', async () => {
    const r = rule('loginPerIdentifier', 'tenant-x', 'someone');
    const old = new Date(Date.now() - 2 * 3_600_000);
    await RateLimitHitModel.insertMany(Array.from({ length: 5 }, () => ({ key: r.key, at: old })));
    expect((await countAttempt([r])).isOver('loginPerIdentifier')).toBe(false); // the old ones are outside the window
    for (let i = 0; i < 4; i++) await countAttempt([r]);
    expect((await countAttempt([r])).isOver('loginPerIdentifier')).toBe(true);
    expect(
      (await sweepExpired({ sessions: { idleMinutes: 30, absoluteHours: 12 } })).rateLimitHits,
    ).toBeGreaterThanOrEqual(5);
    expect(await RateLimitHitModel.countDocuments({ key: r.key })).toBe(6);
  });
});
