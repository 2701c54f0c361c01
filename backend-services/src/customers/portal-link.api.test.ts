import { describe, expect, it } from 'vitest';
import { ZCustomerDetail, ZPortalInviteResponse } from '@wisp/shared';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsStaff } from '../../test/sessions.ts';
import { browser, createPortalCustomer, linkIn, mailTo, PASSWORD } from '../../test/portal-accounts.ts';
import { AuditEntryModel } from '../audit/audit.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';

let t: TestApp;
let blue: TTenantDoc;
twoTenantWorld('plink', (w) => ({ t, blue } = w));

const staff = () => signInAsStaff(t, t.client('plink-blue'), blue);
const panelOf = async (customerId: string) =>
  ZCustomerDetail.parse((await (await staff()).get(`/api/customers/${customerId}`)).body).portal;
const auditOf = (customerId: string) =>
  AuditEntryModel.find({ tenantId: blue._id, 'target.id': customerId }).sort({ at: 1 }).lean();

describe('CustomerPortalLink actions', () => {
  it('an invitation returns the same link the email carries, shows as invited, and is recorded', async () => {
    const c = await createCustomer(blue);
    const before = t.mail.messages.length;
    const res = await (await staff()).post(`/api/customers/${c.customerId}/portal-invite`).send({});
    expect(res.status).toBe(202);
    const sent = ZPortalInviteResponse.strict().parse(res.body);
    const emailed = linkIn(await mailTo(t, c.email!, 'invitation', before), '/signup');
    expect(new URL(sent.link).searchParams.get('code')).toBe(emailed.searchParams.get('code'));
    const panel = await panelOf(c.customerId);
    expect(panel).toMatchObject({ state: 'invited', hasAccount: false, invitationExpiresAt: sent.expiresAt });
    expect(panel.invitedAt).not.toBeNull();
    expect((await auditOf(c.customerId)).map((a) => [a.action, a.summary])).toEqual([
      ['customer.invite', `invitation sent to ${c.email}`],
    ]);
  });

  it('resending replaces the link: the first one no longer works, the new one does, and the account becomes active', async () => {
    const c = await createCustomer(blue);
    const first = (await (await staff()).post(`/api/customers/${c.customerId}/portal-invite`).send({})).body.link;
    const second = (await (await staff()).post(`/api/customers/${c.customerId}/portal-invite`).send({})).body.link;
    const codeOf = (link: string) => new URL(link).searchParams.get('code');
    const link = (code: string | null) =>
      browser(t, 'plink-blue')
        .post('/api/customer-portal/auth/link-account')
        .send({ accessCode: code, password: PASSWORD });
    expect((await link(codeOf(first))).status).toBe(400);
    expect((await link(codeOf(second))).status).toBe(200);
    const panel = await panelOf(c.customerId);
    expect(panel).toMatchObject({ state: 'active', hasAccount: true, invitationExpiresAt: null });
    expect(panel.lastSignInAt).not.toBeNull();
    expect((await auditOf(c.customerId)).map((a) => a.summary)).toEqual([
      `invitation sent to ${c.email}`,
      `invitation sent again to ${c.email}`,
    ]);
  });

  it('disable and re-enable are recorded; unlocking a locked account is recorded as an unlock', async () => {
    const c = await createPortalCustomer(t, blue, {}, { status: 'locked' });
    expect((await panelOf(c.customerId)).locked).toBe(true);
    const agent = await staff();
    await agent.post(`/api/customers/${c.customerId}/portal-access`).send({ accountStatus: 'active' }).expect(200);
    expect(await panelOf(c.customerId)).toMatchObject({ state: 'active', locked: false });
    await agent.post(`/api/customers/${c.customerId}/portal-access`).send({ enabled: false }).expect(200);
    expect((await panelOf(c.customerId)).state).toBe('disabled');
    await agent.post(`/api/customers/${c.customerId}/portal-access`).send({ enabled: true }).expect(200);
    expect((await auditOf(c.customerId)).map((a) => [a.action, a.summary])).toEqual([
      ['customer.unlock', 'account active'],
      ['customer.portalAccess', 'portal access turned off'],
      ['customer.portalAccess', 'portal access turned on'],
    ]);
  });
});
