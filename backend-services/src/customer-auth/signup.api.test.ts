import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { browser, createPortalCustomer, linkIn, mailTo, PASSWORD } from '../../test/portal-accounts.ts';
import { CustomerModel } from '../customers/customer.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { SignupLinkModel } from './signup-link.model.ts';
import { hashCode } from './customer-signup.service.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('signup', (w) => ({ t, blue, green } = w));

const signup = (slug: string, body: object) => browser(t, slug).post('/api/customer-portal/auth/signup').send(body);
const choosePassword = (slug: string, accessCode: string, password = PASSWORD) =>
  browser(t, slug).post('/api/customer-portal/auth/link-account').send({ accessCode, password });
const login = (slug: string, identifier: string, password = PASSWORD) =>
  browser(t, slug).post('/api/customer-portal/auth/login').send({ identifier, password });

/** The code of the newest sign-up link mailed to `email` (after mail number `after`). */
async function signupCode(email: string, after = 0): Promise<string> {
  return linkIn(await mailTo(t, email, 'Choose your password', after), '/signup').searchParams.get('code')!;
}

describe('POST /api/customer-portal/auth/signup', () => {
  it('asks only for the ID and phone, creates nothing, and emails a single-use link to the email ON FILE', async () => {
    const c = await createCustomer(blue, { primaryPhone: '+14025557001' });
    const res = await signup('signup-blue', { customerId: c.customerId, phone: '(402) 555-7001' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ status: 'pending', sentTo: expect.stringMatching(/^c•+@example\.test$/) });
    expect((await CustomerModel.findById(c._id).lean())?.portalAccess?.firebaseUid).toBeUndefined();
    await expect(t.auth.getUserByEmail(c.email!)).rejects.toThrow();

    const link = linkIn(await mailTo(t, c.email!, 'Choose your password'), '/signup');
    expect(link.host).toBe('signup-blue.localhost:5999');
    const code = link.searchParams.get('code')!;
    expect(Buffer.from(code, 'base64url').length).toBeGreaterThanOrEqual(16); // ≥ 128 bits
    // Stored hashed, with an expiry.
    const stored = await SignupLinkModel.findById(hashCode(code)).lean();
    expect(stored?.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(JSON.stringify(await SignupLinkModel.find().lean())).not.toContain(code);
  });

  it('the link sets the password: verified, active, signed in; then sign-in works by email or phone', async () => {
    const c = await createCustomer(blue, { primaryPhone: '+14025557002' });
    await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone }).expect(201);
    const agent = browser(t, 'signup-blue');
    const res = await agent
      .post('/api/customer-portal/auth/link-account')
      .send({ accessCode: await signupCode(c.email!), password: PASSWORD });
    expect(res.status).toBe(200);
    expect((await agent.get('/api/session')).body.actor.kind).toBe('customer');
    const stored = await CustomerModel.findById(c._id).lean();
    expect(stored?.portalAccess?.accountStatus).toBe('active');
    const user = await t.auth.getUser(stored!.portalAccess!.firebaseUid!);
    expect(user.email).toBe(c.email);
    expect(user.emailVerified).toBe(true);
    expect(user.customClaims).toEqual({ role: 'customer', tenantId: String(blue._id), customerId: c.customerId });
    expect((await login('signup-blue', c.email!)).status).toBe(200);
    expect((await login('signup-blue', '402 555 7002')).status).toBe(200);
  });

  it("a stranger's sign-up never blocks the owner: signing up again sends a new link, and the owner's password is the one that counts", async () => {
    const c = await createCustomer(blue);
    const before = t.mail.messages.length;
    await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone }).expect(201); // the stranger
    const strangersLink = await signupCode(c.email!, before);
    const afterFirst = t.mail.messages.length;
    await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone }).expect(201); // the owner
    const ownersLink = await signupCode(c.email!, afterFirst);
    expect(ownersLink).not.toBe(strangersLink);
    expect((await choosePassword('signup-blue', ownersLink, 'Owners-Own-Password-7')).status).toBe(200);
    expect((await login('signup-blue', c.email!, 'Owners-Own-Password-7')).status).toBe(200);
    // The account exists now: the other link is spent.
    expect((await choosePassword('signup-blue', strangersLink, 'Strangers-Password-9')).status).toBe(400);
    expect((await login('signup-blue', c.email!, 'Strangers-Password-9')).status).toBe(401);
  });

  it('a link works once, also when used twice at the same moment', async () => {
    const c = await createCustomer(blue);
    await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone }).expect(201);
    const code = await signupCode(c.email!);
    const answers = await Promise.all([choosePassword('signup-blue', code), choosePassword('signup-blue', code)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 400]);
    expect((await choosePassword('signup-blue', code)).status).toBe(400);
    expect((await t.auth.listUsers(1000)).users.filter((u) => u.email === c.email)).toHaveLength(1);
  });

  it("a link opened on another tenant's portal is refused there (400) and still works on its own", async () => {
    const c = await createCustomer(blue);
    await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone }).expect(201);
    const code = await signupCode(c.email!);
    expect((await choosePassword('signup-green', code)).status).toBe(400);
    expect((await choosePassword('signup-blue', code)).status).toBe(200);
  });

  it('an expired link → 400 and nothing is created', async () => {
    const c = await createCustomer(blue);
    await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone }).expect(201);
    const code = await signupCode(c.email!);
    await SignupLinkModel.updateOne({ _id: hashCode(code) }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await choosePassword('signup-blue', code)).status).toBe(400);
    await expect(t.auth.getUserByEmail(c.email!)).rejects.toThrow();
  });

  it('a weak or common password on the link → 400 with fields.password saying why; the link stays usable', async () => {
    const c = await createCustomer(blue);
    await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone }).expect(201);
    const code = await signupCode(c.email!);
    const short = await choosePassword('signup-blue', code, 'short');
    const common = await choosePassword('signup-blue', code, 'password123');
    expect(short.status).toBe(400);
    expect(short.body.error.fields.password).toMatch(/at least 10 characters/);
    expect(common.body.error.fields.password).toMatch(/too common/);
    expect((await choosePassword('signup-blue', code)).status).toBe(200);
  });

  it('with the wrong phone number fails with one generic 400, sends nothing and creates nothing', async () => {
    const c = await createCustomer(blue);
    const before = await SignupLinkModel.countDocuments();
    const wrongPhone = await signup('signup-blue', { customerId: c.customerId, phone: '402-555-0000' });
    const unknownId = await signup('signup-blue', { customerId: 'NOPE-1', phone: c.primaryPhone });
    expect(wrongPhone.status).toBe(400);
    expect(wrongPhone.body).toEqual(unknownId.body);
    expect(wrongPhone.body.error.fields).toBeUndefined();
    expect(await SignupLinkModel.countDocuments()).toBe(before);
  });

  it("with the id and phone of ANOTHER tenant's customer fails the same way", async () => {
    const theirs = await createCustomer(green);
    const res = await signup('signup-blue', { customerId: theirs.customerId, phone: theirs.primaryPhone });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/could not match/);
  });

  it('no email on file → 409 asking the customer to request an invitation from the WISP', async () => {
    const c = await createCustomer(blue, { email: undefined });
    const res = await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/invitation/);
    expect(res.body.error.message).toContain('Prairie Sky Wireless');
  });

  it('a customer who already has an account → 409 suggesting sign-in or reset', async () => {
    const c = await createPortalCustomer(t, blue);
    const res = await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/Sign in, or reset your password/);
  });

  it('a pending account left by the old sign-up gets the password chosen on the link, not the one it had', async () => {
    const c = await createPortalCustomer(t, blue, {}, { status: 'pending', password: 'Strangers-Old-Pass-1' });
    await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone }).expect(201);
    expect((await choosePassword('signup-blue', await signupCode(c.email!))).status).toBe(200);
    expect((await login('signup-blue', c.email!, 'Strangers-Old-Pass-1')).status).toBe(401);
    expect((await login('signup-blue', c.email!)).status).toBe(200);
  });

  it('portal access turned off by staff → 409, no link sent', async () => {
    const c = await createCustomer(blue, { portalAccess: { enabled: false } });
    const res = await signup('signup-blue', { customerId: c.customerId, phone: c.primaryPhone });
    expect(res.status).toBe(409);
    expect(await SignupLinkModel.countDocuments({ customerId: c.customerId })).toBe(0);
  });
});
