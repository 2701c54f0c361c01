import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { browser } from '../../test/portal-accounts.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import { createStaffUser, idTokenOf } from '../../test/staff-accounts.ts';
import { AuditEntryModel } from '../audit/audit.model.ts';
import { SessionModel } from '../platform/auth/session.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { StaffMemberModel } from './staff-member.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('team', (w) => ({ t, blue, green } = w));

/** A real staff member: Firebase user with claims, the team row, and a signed-in browser (via the exchange). */
async function member(tenant: TTenantDoc, role: 'admin' | 'staff', name = `${role} person`) {
  const user = await createStaffUser(t, tenant, role);
  await StaffMemberModel.create({ tenantId: tenant._id, uid: user.uid, email: user.email, name, role });
  const agent = browser(t, tenant.slug);
  const res = await agent.post('/api/staff/auth/session').send({ idToken: await idTokenOf(t, user.email) });
  expect(res.status).toBe(200);
  return { ...user, agent };
}
const patch = (agent: ReturnType<typeof browser>, uid: string, body: object) =>
  agent.patch(`/api/staff/team/${uid}`).send(body);
const waitPastTheSecond = () => new Promise((r) => setTimeout(r, 1_100));

describe('GET /api/staff/team', () => {
  it('anonymous → 401; a customer and plain staff → 404', async () => {
    expect((await browser(t, 'team-blue').get('/api/staff/team')).status).toBe(401);
    const customer = await signInAsCustomer(t, browser(t, 'team-blue'), blue, await createCustomer(blue));
    expect((await customer.get('/api/staff/team')).status).toBe(404);
    const staff = await signInAsStaff(t, browser(t, 'team-blue'), blue, 'staff');
    expect((await staff.get('/api/staff/team')).status).toBe(404);
  });

  it("an admin sees their own tenant's team only, admins first, with when each last signed in", async () => {
    const admin = await member(blue, 'admin', 'Ada Admin');
    await member(blue, 'staff', 'Bo Staff');
    await member(green, 'staff', 'Green Person');
    const res = await admin.agent.get('/api/staff/team');
    expect(res.status).toBe(200);
    const names = res.body.members.map((m: { name: string }) => m.name);
    expect(names).toContain('Ada Admin');
    expect(names).toContain('Bo Staff');
    expect(names).not.toContain('Green Person');
    expect(res.body.members[0].role).toBe('admin');
    const ada = res.body.members.find((m: { name: string }) => m.name === 'Ada Admin');
    expect(Date.now() - Date.parse(ada.lastSignInAt)).toBeLessThan(60_000);
  });
});

describe('PATCH /api/staff/team/:uid', () => {
  it("anonymous → 401; plain staff → 404; another tenant's admin → 404 (and nothing changes)", async () => {
    const target = await member(blue, 'staff');
    expect((await patch(browser(t, 'team-blue'), target.uid, { role: 'admin' })).status).toBe(401);
    const staff = await member(blue, 'staff');
    expect((await patch(staff.agent, target.uid, { role: 'admin' })).status).toBe(404);
    const greenAdmin = await member(green, 'admin');
    expect((await patch(greenAdmin.agent, target.uid, { role: 'admin' })).status).toBe(404);
    expect((await StaffMemberModel.findOne({ uid: target.uid }).lean())!.role).toBe('staff');
  });

  it('nothing to change or an unknown role → 400 with a field message', async () => {
    const admin = await member(blue, 'admin');
    const res = await patch(admin.agent, admin.uid, {});
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ role: 'Nothing to change.' });
    expect((await patch(admin.agent, admin.uid, { role: 'owner' })).status).toBe(400);
  });

  it('promoting changes the claims (the next sign-in is an admin) and is recorded in the audit log', async () => {
    const admin = await member(blue, 'admin');
    const target = await member(blue, 'staff');
    const res = await patch(admin.agent, target.uid, { role: 'admin' });
    expect(res.status).toBe(200);
    expect(res.body.member).toMatchObject({ uid: target.uid, role: 'admin', status: 'active' });
    expect((await t.auth.getUser(target.uid)).customClaims).toMatchObject({ role: 'admin' });
    const again = await browser(t, 'team-blue')
      .post('/api/staff/auth/session')
      .send({ idToken: await idTokenOf(t, target.email) });
    expect(again.body.staff.role).toBe('admin');
    const entry = await AuditEntryModel.findOne({ action: 'staff.role', 'target.id': target.uid }).lean();
    expect(entry).toMatchObject({ summary: 'role staff → admin', actor: { email: admin.email } });
  });

  it('disabling ends their sessions and revokes their tokens; enabling lets them sign in again; both audited', async () => {
    const admin = await member(blue, 'admin');
    const target = await member(blue, 'staff');
    const oldToken = await idTokenOf(t, target.email);
    await waitPastTheSecond();
    expect((await patch(admin.agent, target.uid, { disabled: true })).body.member.status).toBe('disabled');
    expect((await target.agent.get('/api/session')).body.actor).toBeNull();
    expect(await SessionModel.countDocuments({ uid: target.uid })).toBe(0);
    expect((await t.auth.getUser(target.uid)).disabled).toBe(true);
    expect((await browser(t, 'team-blue').post('/api/staff/auth/session').send({ idToken: oldToken })).status).toBe(
      401,
    );
    expect((await patch(admin.agent, target.uid, { disabled: false })).body.member.status).toBe('active');
    const fresh = await idTokenOf(t, target.email);
    expect((await browser(t, 'team-blue').post('/api/staff/auth/session').send({ idToken: fresh })).status).toBe(200);
    const actions = (await AuditEntryModel.find({ 'target.id': target.uid }).lean()).map((e) => e.action);
    expect(actions.sort()).toEqual(['staff.disable', 'staff.enable']);
  });

  it('demoting changes the session too: the old admin session ends', async () => {
    const admin = await member(blue, 'admin');
    const other = await member(blue, 'admin');
    expect((await patch(admin.agent, other.uid, { role: 'staff' })).status).toBe(200);
    expect((await other.agent.get('/api/session')).body.actor).toBeNull();
  });
});

describe('the last admin', () => {
  it('cannot be demoted or disabled, by themselves or anyone → 409 with the reason', async () => {
    const tenant = green;
    await StaffMemberModel.deleteMany({ tenantId: tenant._id, role: 'admin' });
    const only = await member(tenant, 'admin');
    for (const body of [{ role: 'staff' }, { disabled: true }]) {
      const res = await patch(only.agent, only.uid, body);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/at least one active admin/);
    }
    expect(await StaffMemberModel.findOne({ uid: only.uid }).lean()).toMatchObject({ role: 'admin', status: 'active' });
  });

  it('two admins demoting each other at once: exactly one change goes through, one admin remains', async () => {
    await StaffMemberModel.deleteMany({ tenantId: blue._id, role: 'admin' });
    const a = await member(blue, 'admin');
    const b = await member(blue, 'admin');
    const [ra, rb] = await Promise.all([
      patch(a.agent, b.uid, { role: 'staff' }),
      patch(b.agent, a.uid, { role: 'staff' }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const admins = await StaffMemberModel.countDocuments({ tenantId: blue._id, role: 'admin', status: 'active' });
    expect(admins).toBe(1);
  });

  it('two admins disabling each other at once: one admin remains', async () => {
    await StaffMemberModel.deleteMany({ tenantId: blue._id, role: 'admin' });
    const a = await member(blue, 'admin');
    const b = await member(blue, 'admin');
    const [ra, rb] = await Promise.all([
      patch(a.agent, b.uid, { disabled: true }),
      patch(b.agent, a.uid, { disabled: true }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    expect(await StaffMemberModel.countDocuments({ tenantId: blue._id, role: 'admin', status: 'active' })).toBe(1);
  });
});
