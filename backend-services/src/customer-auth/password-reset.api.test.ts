import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { browser, createPortalCustomer, linkIn, mailTo, PASSWORD } from '../../test/portal-accounts.ts';
import { recipientsOf } from '../../test/mail-catcher.ts';
import { CustomerModel } from '../customers/customer.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('reset', (w) => ({ t, blue, green } = w));

const NEW_PASSWORD = 'Brand-New-Secret-2026';
const requestReset = (slug: string, identifier: string) =>
  browser(t, slug).post('/api/customer-portal/auth/reset-password').send({ identifier });
const login = (slug: string, identifier: string, password: string) =>
  browser(t, slug).post('/api/customer-portal/auth/login').send({ identifier, password });

async function resetCodeFor(email: string, after: number) {
  const mail = await mailTo(t, email, 'Reset your', after);
  const link = linkIn(mail, '/reset-password');
  return { link, oobCode: link.searchParams.get('oobCode')! };
}

describe('POST /api/customer-portal/auth/reset-password', () => {
  it('answers 202 the same for unknown, known and other-tenant identifiers', async () => {
    const ours = await createPortalCustomer(t, blue);
    const theirs = await createPortalCustomer(t, green);
    const before = t.mail.messages.length;
    const answers = await Promise.all([
      requestReset('reset-blue', 'nobody@example.test'),
      requestReset('reset-blue', ours.email!),
      requestReset('reset-blue', theirs.email!),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(202);
      expect(res.body).toEqual(answers[0]!.body);
    }
    const started = Date.now();
    await requestReset('reset-blue', 'nobody-else@example.test');
    expect(Date.now() - started).toBeGreaterThanOrEqual(390); // no quick "nobody here" answer
    await mailTo(t, ours.email!, 'Reset your', before);
    await t.outbox.drain();
    expect(t.mail.messages.slice(before).some((m) => recipientsOf(m).includes(theirs.email!))).toBe(false);
  });

  it('sends nothing for an account whose portal access is disabled', async () => {
    const c = await createPortalCustomer(t, blue, {}, { enabled: false });
    const before = t.mail.messages.length;
    expect((await requestReset('reset-blue', c.primaryPhone!)).status).toBe(202);
    await t.outbox.drain();
    expect(t.mail.messages.slice(before).some((m) => recipientsOf(m).includes(c.email!))).toBe(false);
  });
});

describe('POST /api/customer-portal/auth/reset-password/complete', () => {
  it('end to end from the emailed link: new password works, old does not, and every old session is revoked', async () => {
    const c = await createPortalCustomer(t, blue, { primaryPhone: '+14025558123' });
    const device = browser(t, 'reset-blue');
    await device.post('/api/customer-portal/auth/login').send({ identifier: c.email, password: PASSWORD }).expect(200);
    // The emulator stores revocation to the second: leave the sign-in's second behind.
    await new Promise((r) => setTimeout(r, 1100));
    const validAfterBefore = new Date((await t.auth.getUser(c.uid)).tokensValidAfterTime!).getTime();
    const before = t.mail.messages.length;
    expect((await requestReset('reset-blue', '402.555.8123')).status).toBe(202);
    const { link, oobCode } = await resetCodeFor(c.email!, before);
    expect(link.host).toBe('reset-blue.localhost:5999');

    const done = await browser(t, 'reset-blue')
      .post('/api/customer-portal/auth/reset-password/complete')
      .send({ oobCode, password: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect((await device.get('/api/customer-portal/auth/me')).status).toBe(401);
    expect((await login('reset-blue', c.email!, PASSWORD)).status).toBe(401);
    expect((await login('reset-blue', c.email!, NEW_PASSWORD)).status).toBe(200);
    // Firebase refresh tokens issued before the reset are revoked too.
    const user = await t.auth.getUser(c.uid);
    expect(new Date(user.tokensValidAfterTime!).getTime()).toBeGreaterThan(validAfterBefore);
    // The code is single use.
    const again = await browser(t, 'reset-blue')
      .post('/api/customer-portal/auth/reset-password/complete')
      .send({ oobCode, password: 'Yet-Another-Pass-9' });
    expect(again.status).toBe(400);
  });

  it("a reset link of one tenant's customer is refused on another tenant's portal, and the password is unchanged", async () => {
    const c = await createPortalCustomer(t, blue);
    const before = t.mail.messages.length;
    await requestReset('reset-blue', c.email!);
    const { oobCode } = await resetCodeFor(c.email!, before);
    const res = await browser(t, 'reset-green')
      .post('/api/customer-portal/auth/reset-password/complete')
      .send({ oobCode, password: NEW_PASSWORD });
    expect(res.status).toBe(400);
    expect((await login('reset-blue', c.email!, PASSWORD)).status).toBe(200);
  });

  it('the new password must follow the policy (400 fields.password)', async () => {
    const res = await browser(t, 'reset-blue')
      .post('/api/customer-portal/auth/reset-password/complete')
      .send({ oobCode: 'whatever-code-123', password: 'qwertyuiop' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.password).toMatch(/too common/);
  });

  it('completing a reset activates a pending account (the link proved the email)', async () => {
    const c = await createPortalCustomer(t, blue, {}, { status: 'pending' });
    const before = t.mail.messages.length;
    await requestReset('reset-blue', c.email!);
    const { oobCode } = await resetCodeFor(c.email!, before);
    await browser(t, 'reset-blue')
      .post('/api/customer-portal/auth/reset-password/complete')
      .send({ oobCode, password: NEW_PASSWORD })
      .expect(200);
    expect((await CustomerModel.findById(c._id).lean())?.portalAccess?.accountStatus).toBe('active');
    expect((await login('reset-blue', c.email!, NEW_PASSWORD)).status).toBe(200);
  });

  it('sends the email in Spanish when the customer prefers Spanish', async () => {
    const c = await createPortalCustomer(t, blue, { preferredLocale: 'es' });
    const before = t.mail.messages.length;
    await requestReset('reset-blue', c.email!);
    const mail = await mailTo(t, c.email!, 'Restablezca', before);
    expect(mail.text).toContain('Elegir una contraseña nueva');
  });
});
