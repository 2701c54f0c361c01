import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { browser, createPortalCustomer, linkIn, mailTo, PASSWORD } from '../../test/portal-accounts.ts';
import { CustomerModel } from '../customers/customer.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('signup', (w) => ({ t, blue, green } = w));

const signup = (slug: string, body: object) => browser(t, slug).post('/api/customer-portal/auth/signup').send(body);
const login = (slug: string, identifier: string) =>
  browser(t, slug).post('/api/customer-portal/auth/login').send({ identifier, password: PASSWORD });

describe('POST /api/customer-portal/auth/signup', () => {
  it('creates a pending account for the email ON FILE and emails a verification link; the link activates it', async () => {
    const c = await createCustomer(blue, { primaryPhone: '+14025557001' });
    const res = await signup('signup-blue', { customerId: c.customerId, phone: '(402) 555-7001', password: PASSWORD });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('pending');
    expect(res.body.sentTo).toMatch(/^c•+@example\.test$/);

    const stored = await CustomerModel.findById(c._id).lean();
    expect(stored?.portalAccess?.accountStatus).toBe('pending');
    const user = await t.auth.getUser(stored!.portalAccess!.firebaseUid!);
    expect(user.email).toBe(c.email);
    expect(user.emailVerified).toBe(false);
    expect(user.customClaims).toEqual({ role: 'customer', tenantId: String(blue._id), customerId: c.customerId });

    // Not before the link is opened…
    expect((await login('signup-blue', c.email!)).status).toBe(401);
    const mail = await mailTo(t, c.email!, 'Confirm your email');
    const link = linkIn(mail, '/verify-email');
    expect(link.host).toBe('signup-blue.localhost:5999');
    const verify = await browser(t, 'signup-blue')
      .post('/api/customer-portal/auth/verify-email')
      .send({ oobCode: link.searchParams.get('oobCode') });
    expect(verify.status).toBe(200);
    // …and after it, by email or phone.
    expect((await login('signup-blue', c.email!)).status).toBe(200);
    expect((await login('signup-blue', '402 555 7001')).status).toBe(200);
    expect((await t.auth.getUser(user.uid)).emailVerified).toBe(true);
  });

  it("a verification link opened on another tenant's portal is refused there (400) and still works on its own", async () => {
    const c = await createCustomer(blue);
    await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone, password: PASSWORD }).expect(201);
    const oobCode = linkIn(await mailTo(t, c.email!, 'Confirm your email'), '/verify-email').searchParams.get(
      'oobCode',
    );
    const res = await browser(t, 'signup-green').post('/api/customer-portal/auth/verify-email').send({ oobCode });
    expect(res.status).toBe(400);
    expect((await CustomerModel.findById(c._id).lean())?.portalAccess?.accountStatus).toBe('pending');
    expect(
      (await browser(t, 'signup-blue').post('/api/customer-portal/auth/verify-email').send({ oobCode })).status,
    ).toBe(200);
    expect((await CustomerModel.findById(c._id).lean())?.portalAccess?.accountStatus).toBe('active');
  });

  it('a verification link does not reactivate an account staff locked', async () => {
    const c = await createCustomer(blue);
    await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone, password: PASSWORD }).expect(201);
    const oobCode = linkIn(await mailTo(t, c.email!, 'Confirm your email'), '/verify-email').searchParams.get(
      'oobCode',
    );
    await CustomerModel.updateOne({ _id: c._id }, { $set: { 'portalAccess.accountStatus': 'locked' } });
    expect(
      (await browser(t, 'signup-blue').post('/api/customer-portal/auth/verify-email').send({ oobCode })).status,
    ).toBe(400);
    expect((await CustomerModel.findById(c._id).lean())?.portalAccess?.accountStatus).toBe('locked');
  });

  it('a used or made-up verification code → 400', async () => {
    const res = await browser(t, 'signup-blue')
      .post('/api/customer-portal/auth/verify-email')
      .send({ oobCode: 'made-up-code-1234567890' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('oobCode');
  });

  it('with the wrong phone number fails with one generic 400 and creates nothing', async () => {
    const c = await createCustomer(blue);
    const wrongPhone = await signup('signup-blue', {
      customerId: c.customerId,
      phone: '402-555-0000',
      password: PASSWORD,
    });
    const unknownId = await signup('signup-blue', { customerId: 'NOPE-1', phone: c.primaryPhone, password: PASSWORD });
    expect(wrongPhone.status).toBe(400);
    expect(wrongPhone.body).toEqual(unknownId.body);
    expect(wrongPhone.body.error.fields).toBeUndefined();
    expect((await CustomerModel.findById(c._id).lean())?.portalAccess?.firebaseUid).toBeUndefined();
    await expect(t.auth.getUserByEmail(c.email!)).rejects.toThrow();
  });

  it("with the id and phone of ANOTHER tenant's customer fails the same way", async () => {
    const theirs = await createCustomer(green);
    const res = await signup('signup-blue', {
      customerId: theirs.customerId,
      phone: theirs.primaryPhone,
      password: PASSWORD,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/could not match/);
    expect((await CustomerModel.findById(theirs._id).lean())?.portalAccess?.firebaseUid).toBeUndefined();
  });

  it('no email on file → 409 asking the customer to request an invitation from the WISP', async () => {
    const c = await createCustomer(blue, { email: undefined });
    const res = await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone, password: PASSWORD });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/invitation/);
    expect(res.body.error.message).toContain('Prairie Sky Wireless');
  });

  it('a customer who already has an account → 409 suggesting sign-in or reset', async () => {
    const c = await createPortalCustomer(t, blue);
    const res = await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone, password: PASSWORD });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/Sign in, or reset your password/);
  });

  it('a weak or common password → 400 with fields.password saying why', async () => {
    const c = await createCustomer(blue);
    const short = await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone, password: 'short' });
    const common = await signup('signup-blue', {
      customerId: c.customerId,
      phone: c.primaryPhone,
      password: 'password123',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.password).toMatch(/at least 10 characters/);
    expect(common.body.error.fields.password).toMatch(/too common/);
  });

  it('two concurrent sign-ups for one customer link exactly one Firebase account', async () => {
    const c = await createCustomer(blue);
    const body = { customerId: c.customerId, phone: c.primaryPhone, password: PASSWORD };
    const results = await Promise.all(Array.from({ length: 4 }, () => signup('signup-blue', body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    // Decided by the claim insert, before Firebase is asked to create anything.
    for (const lost of results.filter((r) => r.status === 409))
      expect(lost.body.error.message).toMatch(/already exists for this customer/);
    const users = (await t.auth.listUsers(1000)).users.filter((u) => u.email === c.email);
    expect(users).toHaveLength(1);
    expect((await CustomerModel.findById(c._id).lean())?.portalAccess?.firebaseUid).toBe(users[0]!.uid);
  });

  it('portal access turned off by staff → 409, no account created', async () => {
    const c = await createCustomer(blue, { portalAccess: { enabled: false } });
    const res = await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone, password: PASSWORD });
    expect(res.status).toBe(409);
    await expect(t.auth.getUserByEmail(c.email!)).rejects.toThrow();
  });
});
