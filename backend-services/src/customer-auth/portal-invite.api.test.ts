import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer, createTenant } from '../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import { browser, createPortalCustomer, linkIn, mailTo, PASSWORD } from '../../test/portal-accounts.ts';
import { CustomerModel } from '../customers/customer.model.ts';
import { TenantModel, type TTenantDoc } from '../tenants/tenant.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('invite', (w) => ({ t, blue, green } = w));

const staffOf = (tenant: TTenantDoc) => signInAsStaff(t, t.client(tenant.slug), tenant);

/** Staff invite the customer; answers the access code read from the email actually sent. */
async function invite(customerId: string, to: string, body: object = {}) {
  const staff = await staffOf(blue);
  const before = t.mail.messages.length;
  const res = await staff.post(`/api/customers/${customerId}/portal-invite`).send(body);
  expect(res.status).toBe(202);
  const link = linkIn(await mailTo(t, to, 'invitation', before), '/signup');
  return link.searchParams.get('code')!;
}

describe('POST /api/customers/:customerId/portal-invite', () => {
  it('anonymous → 401', async () => {
    const c = await createCustomer(blue);
    expect((await browser(t, 'invite-blue').post(`/api/customers/${c.customerId}/portal-invite`).send({})).status).toBe(
      401,
    );
  });

  it('a customer session → 404 (even for their own id)', async () => {
    const c = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('invite-blue'), blue, c);
    expect((await agent.post(`/api/customers/${c.customerId}/portal-invite`).send({})).status).toBe(404);
  });

  it("staff of another tenant → 404 for this tenant's customer", async () => {
    const c = await createCustomer(blue, { customerId: 'ONLY-IN-BLUE' });
    const res = await (await staffOf(green)).post(`/api/customers/${c.customerId}/portal-invite`).send({});
    expect(res.status).toBe(404);
    expect((await CustomerModel.findById(c._id).lean())?.portalAccess?.accessCode).toBeUndefined();
  });

  it('emails a branded link with a ≥128-bit code, storing only its hash and a 7-day expiry', async () => {
    const c = await createCustomer(blue);
    const code = await invite(c.customerId, c.email!);
    expect(Buffer.from(code, 'base64url').length).toBeGreaterThanOrEqual(16);
    const stored = await CustomerModel.findById(c._id).lean();
    expect(stored?.portalAccess?.accessCode).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(code);
    const days = (stored!.portalAccess!.accessCodeExpires!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });

  it('no email on file: 400 naming `email`; with one given, it becomes the email on file', async () => {
    const c = await createCustomer(blue, { email: undefined });
    const staff = await staffOf(blue);
    const missing = await staff.post(`/api/customers/${c.customerId}/portal-invite`).send({});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toHaveProperty('email');
    await invite(c.customerId, 'new.address@example.test', { email: 'New.Address@example.test' });
    expect((await CustomerModel.findById(c._id).lean())?.email).toBe('new.address@example.test');
  });

  it("is written in the tenant's default language when the customer chose none", async () => {
    const es = await createTenant({ slug: 'invite-es' });
    await TenantModel.updateOne({ _id: es._id }, { $set: { defaultLocale: 'es' } });
    const c = await createCustomer(es);
    const before = t.mail.messages.length;
    await (await staffOf(es)).post(`/api/customers/${c.customerId}/portal-invite`).send({}).expect(202);
    const mail = await mailTo(t, c.email!, 'invitación', before);
    expect(mail.text).toContain('Configurar mi cuenta');
    expect(linkIn(mail, '/signup').host).toBe('invite-es.localhost:5999');
  });

  it('a customer with an active account → 409', async () => {
    const c = await createPortalCustomer(t, blue);
    expect((await (await staffOf(blue)).post(`/api/customers/${c.customerId}/portal-invite`).send({})).status).toBe(
      409,
    );
  });
});

describe('POST /api/customer-portal/auth/link-account', () => {
  it('sets the password, activates a verified account and signs the customer in', async () => {
    const c = await createCustomer(blue, { email: undefined });
    const code = await invite(c.customerId, 'invited@example.test', { email: 'invited@example.test' });
    const agent = browser(t, 'invite-blue');
    const res = await agent
      .post('/api/customer-portal/auth/link-account')
      .send({ accessCode: code, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.customer.customerId).toBe(c.customerId);
    expect((await agent.get('/api/customer-portal/auth/me')).status).toBe(200);
    const stored = await CustomerModel.findById(c._id).lean();
    expect(stored?.portalAccess).toMatchObject({ accountStatus: 'active' });
    expect(stored?.portalAccess?.accessCode).toBeUndefined();
    const user = await t.auth.getUser(stored!.portalAccess!.firebaseUid!);
    expect(user).toMatchObject({ email: 'invited@example.test', emailVerified: true });
    expect(
      (
        await browser(t, 'invite-blue')
          .post('/api/customer-portal/auth/login')
          .send({ identifier: 'invited@example.test', password: PASSWORD })
      ).status,
    ).toBe(200);
  });

  it('a code works once: the second use (even concurrent) is refused', async () => {
    const c = await createCustomer(blue);
    const code = await invite(c.customerId, c.email!);
    const tries = await Promise.all(
      [0, 1, 2].map(() =>
        browser(t, 'invite-blue')
          .post('/api/customer-portal/auth/link-account')
          .send({ accessCode: code, password: PASSWORD }),
      ),
    );
    expect(tries.map((r) => r.status).sort()).toEqual([200, 400, 400]);
    const again = await browser(t, 'invite-blue')
      .post('/api/customer-portal/auth/link-account')
      .send({ accessCode: code, password: 'Another-Password-77' });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/not valid or has already been used/);
  });

  it('an expired code is refused and creates nothing', async () => {
    const c = await createCustomer(blue);
    const code = await invite(c.customerId, c.email!);
    await CustomerModel.updateOne(
      { _id: c._id },
      { $set: { 'portalAccess.accessCodeExpires': new Date(Date.now() - 1000) } },
    );
    const res = await browser(t, 'invite-blue')
      .post('/api/customer-portal/auth/link-account')
      .send({ accessCode: code, password: PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/expired/);
    expect((await CustomerModel.findById(c._id).lean())?.portalAccess?.firebaseUid).toBeUndefined();
  });

  it("a code used on another tenant's portal is not valid there", async () => {
    const c = await createCustomer(blue);
    const code = await invite(c.customerId, c.email!);
    expect(
      (
        await browser(t, 'invite-green')
          .post('/api/customer-portal/auth/link-account')
          .send({ accessCode: code, password: PASSWORD })
      ).status,
    ).toBe(400);
    expect(
      (
        await browser(t, 'invite-blue')
          .post('/api/customer-portal/auth/link-account')
          .send({ accessCode: code, password: PASSWORD })
      ).status,
    ).toBe(200);
  });

  it('a new invitation replaces the old code', async () => {
    const c = await createCustomer(blue);
    const first = await invite(c.customerId, c.email!);
    const second = await invite(c.customerId, c.email!);
    expect(
      (
        await browser(t, 'invite-blue')
          .post('/api/customer-portal/auth/link-account')
          .send({ accessCode: first, password: PASSWORD })
      ).status,
    ).toBe(400);
    expect(
      (
        await browser(t, 'invite-blue')
          .post('/api/customer-portal/auth/link-account')
          .send({ accessCode: second, password: PASSWORD })
      ).status,
    ).toBe(200);
  });

  it('a customer with a pending self sign-up gets the invited password and is activated', async () => {
    const c = await createPortalCustomer(t, blue, {}, { status: 'pending', password: 'Old-Pending-Pass-1' });
    const code = await invite(c.customerId, c.email!);
    await browser(t, 'invite-blue')
      .post('/api/customer-portal/auth/link-account')
      .send({ accessCode: code, password: PASSWORD })
      .expect(200);
    expect((await CustomerModel.findById(c._id).lean())?.portalAccess?.firebaseUid).toBe(c.uid);
    expect(
      (
        await browser(t, 'invite-blue')
          .post('/api/customer-portal/auth/login')
          .send({ identifier: c.email, password: PASSWORD })
      ).status,
    ).toBe(200);
  });
});
