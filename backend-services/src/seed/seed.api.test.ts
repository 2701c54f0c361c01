import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { useTestApp } from '../../test/kit.ts';
import { browser, linkIn, mailTo } from '../../test/portal-accounts.ts';
import { idTokenOf } from '../../test/staff-accounts.ts';
import { CustomerModel } from '../customers/customer.model.ts';
import { DEMO_PASSWORD } from './demo-tenants.ts';
import { seedDemo, type SeedSummary } from './seed.ts';

let t: TestApp;
let summary: SeedSummary;
useTestApp((app) => (t = app));
beforeAll(async () => {
  summary = await seedDemo(t.auth);
});

const login = (slug: string, identifier: string) =>
  browser(t, slug).post('/api/customer-portal/auth/login').send({ identifier, password: DEMO_PASSWORD });

describe('the seeded demo accounts', () => {
  it('every listed demo login works by email and by phone, except the one with portal access disabled', async () => {
    for (const tenant of summary.tenants) {
      for (const c of tenant.customerLogins) {
        const expected = c.note.includes('disabled') ? 401 : 200;
        expect((await login(tenant.slug, c.email!)).status, `${tenant.slug} ${c.customerId}`).toBe(expected);
        expect((await login(tenant.slug, c.phone)).status).toBe(expected);
      }
    }
  });

  it('customer 1 of Prairie Sky signs in with "(402) 555-2001" and a demo login does not work on the other tenant', async () => {
    expect((await login('prairiesky', '(402) 555-2001')).status).toBe(200);
    expect((await login('summitridge', '(402) 555-2001')).status).toBe(401);
  });

  it('every listed staff login (an admin and a plain staff member) signs in with its role, on its tenant only', async () => {
    for (const [i, tenant] of summary.tenants.entries()) {
      const other = summary.tenants[1 - i]!;
      expect(tenant.staffLogins.map((s) => s.role)).toEqual(['admin', 'staff']);
      for (const s of tenant.staffLogins) {
        const idToken = await idTokenOf(t, s.email, DEMO_PASSWORD);
        const res = await browser(t, tenant.slug).post('/api/staff/auth/session').send({ idToken });
        expect(res.status, s.email).toBe(200);
        expect(res.body.staff).toEqual({ email: s.email, role: s.role });
        expect((await browser(t, other.slug).post('/api/staff/auth/session').send({ idToken })).status).toBe(401);
      }
    }
  });

  it('the sign-up example signs up; re-seeding resets it so the demo can be shown again', async () => {
    const example = summary.tenants[0]!.signupExample;
    const body = { customerId: example.customerId, phone: example.phone };
    expect((await browser(t, 'prairiesky').post('/api/customer-portal/auth/signup').send(body)).status).toBe(201);
    const email = (await CustomerModel.findOne({ customerId: example.customerId }).lean())!.email!;
    const accessCode = linkIn(await mailTo(t, email, 'Choose your password'), '/signup').searchParams.get('code');
    const setPassword = { accessCode, password: 'Demo-Signup-2026' };
    expect(
      (await browser(t, 'prairiesky').post('/api/customer-portal/auth/link-account').send(setPassword)).status,
    ).toBe(200);
    expect((await browser(t, 'prairiesky').post('/api/customer-portal/auth/signup').send(body)).status).toBe(409);
    await seedDemo(t.auth);
    const customer = await CustomerModel.findOne({ customerId: example.customerId }).lean();
    expect(customer?.portalAccess?.firebaseUid).toBeUndefined();
    expect((await browser(t, 'prairiesky').post('/api/customer-portal/auth/signup').send(body)).status).toBe(201);
  });
});
