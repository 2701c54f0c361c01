import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { browser, mailTo } from '../../test/portal-accounts.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import { createStaffUser, idTokenOf } from '../../test/staff-accounts.ts';
import { AuditEntryModel } from '../audit/audit.model.ts';
import { SessionModel } from '../platform/auth/session.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { StaffMemberModel } from './staff-member.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('invite', (w) => ({ t, blue, green } = w));

const NEW_PASSWORD = 'Teal-Lantern-Orchard-77';
let n = 0;
const freshEmail = () => `invitee${++n}.${Date.now()}@wisp.example`;
const admin = (tenant: TTenantDoc) => signInAsStaff(t, browser(t, tenant.slug), tenant, 'admin');
const invite = async (agent: ReturnType<typeof browser>, body: object) =>
  agent.post('/api/staff/team/invitations').send(body);

/** The `code` of the staff link `/staff/<page>?code=…` in the newest mail to `to`. */
async function codeMailedTo(to: string, subject: string, page: string): Promise<string> {
  const mail = await mailTo(t, to, subject);
  const match = new RegExp(`https?://[^\\s"<>]+/staff/${page}\\?code=([A-Za-z0-9_-]+)`).exec(mail.text ?? '');
  if (!match) throw new Error(`no /staff/${page} link in "${mail.subject}"`);
  return match[1]!;
}
const setPassword = (slug: string, code: string, password = NEW_PASSWORD) =>
  browser(t, slug).post('/api/staff/auth/set-password').send({ code, password });

describe('POST /api/staff/team/invitations', () => {
  it('anonymous → 401; a customer, plain staff → 404', async () => {
    const body = { email: freshEmail(), name: 'Ana', role: 'staff' };
    expect((await invite(browser(t, 'invite-blue'), body)).status).toBe(401);
    const customer = await signInAsCustomer(t, browser(t, 'invite-blue'), blue, await createCustomer(blue));
    expect((await invite(customer, body)).status).toBe(404);
    const staff = await signInAsStaff(t, browser(t, 'invite-blue'), blue, 'staff');
    expect((await invite(staff, body)).status).toBe(404);
    expect(await StaffMemberModel.exists({ email: body.email })).toBeNull();
  });

  it('an admin invites: an invited team row, a Firebase user with the claims and no password, an email, an audit entry', async () => {
    const email = freshEmail();
    const res = await invite(await admin(blue), { email: email.toUpperCase(), name: 'Ana Ruiz', role: 'staff' });
    expect(res.status).toBe(201);
    expect(res.body.member).toMatchObject({ email, name: 'Ana Ruiz', role: 'staff', status: 'invited' });
    const user = await t.auth.getUserByEmail(email);
    expect(user.customClaims).toEqual({ role: 'staff', tenantId: String(blue._id) });
    expect(user.passwordHash).toBeUndefined();
    await expect(idTokenOf(t, email)).rejects.toThrow();
    expect(await codeMailedTo(email, 'staff workspace', 'accept')).toMatch(/^[\w-]{30,}$/);
    const audit = await AuditEntryModel.findOne({ tenantId: blue._id, action: 'staff.invite', 'target.id': user.uid });
    expect(audit?.summary).toContain(email);
  });

  it('an email already on the team → 409 naming email; the same email in another tenant is fine', async () => {
    const email = freshEmail();
    expect((await invite(await admin(blue), { email, name: 'Ana', role: 'staff' })).status).toBe(201);
    const again = await invite(await admin(blue), { email, name: 'Ana again', role: 'admin' });
    expect(again.status).toBe(409);
    expect(again.body.error.fields).toHaveProperty('email');
    expect(await StaffMemberModel.countDocuments({ tenantId: blue._id, email })).toBe(1);
  });

  it('two invitations of the same email at once → one member, one 409', async () => {
    const email = freshEmail();
    const answers = await Promise.all(
      [1, 2].map(async () => invite(await admin(blue), { email, name: 'Twice', role: 'staff' })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await StaffMemberModel.countDocuments({ tenantId: blue._id, email })).toBe(1);
  });

  it('bad input → 400 naming the field, nothing written', async () => {
    const res = await invite(await admin(blue), { email: 'not-an-email', name: '', role: 'owner' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['email', 'name', 'role']);
  });
});

describe('POST /api/staff/auth/set-password (the invitation link)', () => {
  it('the invitee chooses a password once: they are active and can sign in; the link then no longer works', async () => {
    const email = freshEmail();
    await invite(await admin(blue), { email, name: 'Ana', role: 'admin' });
    const code = await codeMailedTo(email, 'staff workspace', 'accept');
    const res = await setPassword('invite-blue', code);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ email });
    expect((await StaffMemberModel.findOne({ tenantId: blue._id, email }))?.status).toBe('active');
    const signIn = await browser(t, 'invite-blue')
      .post('/api/staff/auth/session')
      .send({ idToken: await idTokenOf(t, email, NEW_PASSWORD) });
    expect(signIn.status).toBe(200);
    expect(signIn.body.staff).toEqual({ email, role: 'admin' });
    const reused = await setPassword('invite-blue', code, 'Another-Password-99x');
    expect(reused.status).toBe(400);
    expect(reused.body.error.fields).toHaveProperty('code');
    await expect(idTokenOf(t, email, 'Another-Password-99x')).rejects.toThrow();
  });

  it('two uses of one link at once → exactly one sets the password', async () => {
    const email = freshEmail();
    await invite(await admin(blue), { email, name: 'Ana', role: 'staff' });
    const code = await codeMailedTo(email, 'staff workspace', 'accept');
    const answers = await Promise.all([setPassword('invite-blue', code), setPassword('invite-blue', code)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it("another tenant's host and a made-up code → the same 400", async () => {
    const email = freshEmail();
    await invite(await admin(blue), { email, name: 'Ana', role: 'staff' });
    const code = await codeMailedTo(email, 'staff workspace', 'accept');
    const wrongTenant = await setPassword('invite-green', code);
    const madeUp = await setPassword('invite-blue', 'x'.repeat(32));
    expect(wrongTenant.status).toBe(400);
    expect(wrongTenant.body).toEqual(madeUp.body);
    expect((await setPassword('invite-blue', code)).status).toBe(200);
  });
});

describe('POST /api/staff/auth/reset-password', () => {
  async function activeMember(tenant: TTenantDoc) {
    const user = await createStaffUser(t, tenant, 'staff');
    await StaffMemberModel.create({
      tenantId: tenant._id,
      uid: user.uid,
      email: user.email,
      name: 'Rae',
      role: 'staff',
    });
    return user;
  }

  it('answers 202 the same for a member, an unknown email and another tenant’s member; only the member gets mail', async () => {
    const member = await activeMember(blue);
    const other = await activeMember(green);
    const answers = await Promise.all(
      [member.email, freshEmail(), other.email].map((email) =>
        browser(t, 'invite-blue').post('/api/staff/auth/reset-password').send({ email }),
      ),
    );
    for (const res of answers) {
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ sent: true });
    }
    expect(await codeMailedTo(member.email, 'Reset your', 'reset-password')).toBeTruthy();
    await t.outbox.drain();
    expect(t.mail.messages.some((m) => JSON.stringify(m.to).includes(other.email))).toBe(false);
  });

  it('the emailed link sets a new password once, signs the member out everywhere, and sign-in works with it', async () => {
    const member = await activeMember(blue);
    const signedIn = browser(t, 'invite-blue');
    await signedIn.post('/api/staff/auth/session').send({ idToken: await idTokenOf(t, member.email) });
    await browser(t, 'invite-blue').post('/api/staff/auth/reset-password').send({ email: member.email });
    const code = await codeMailedTo(member.email, 'Reset your', 'reset-password');
    expect((await setPassword('invite-blue', code)).status).toBe(200);
    expect(await SessionModel.countDocuments({ uid: member.uid })).toBe(0);
    const token = await idTokenOf(t, member.email, NEW_PASSWORD);
    expect((await browser(t, 'invite-blue').post('/api/staff/auth/session').send({ idToken: token })).status).toBe(200);
    expect((await setPassword('invite-blue', code, 'Another-Password-99x')).status).toBe(400);
  });

  it('is rate-limited per email: the fourth request in an hour → 429', async () => {
    const member = await activeMember(blue);
    const ask = () => browser(t, 'invite-blue').post('/api/staff/auth/reset-password').send({ email: member.email });
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(202);
    expect((await ask()).status).toBe(429);
  });
});
