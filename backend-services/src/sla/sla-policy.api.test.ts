import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_TARGETS, ZSlaPolicyResponse } from '@wisp/shared';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsCustomer } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { staffAs } from '../desk/desk-test-kit.ts';
import { anonymousClient } from '../tickets/ticket-test-kit.ts';
import { AuditEntryModel } from '../audit/audit.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('slapol', (w) => ({ t, blue, green } = w));

const PATH = '/api/settings/service-levels';
const targets = (high: { firstResponseMinutes: number; resolutionMinutes: number }) => ({
  ...DEFAULT_SLA_TARGETS,
  high,
});

describe(`GET ${PATH}`, () => {
  it('anonymous → 401', async () => {
    await t.client('slapol-blue').get(PATH).expect(401);
  });

  it("another tenant: its admin's session is no session here (401), and on its own host it reads its own", async () => {
    const agent = await staffAs(t, green, 'ops@slapol-green.example', 'admin');
    expect((await agent.get(PATH).set('X-Forwarded-Host', 'slapol-blue.localhost')).status).toBe(401);
    const own = await (await staffAs(t, green, 'ops@slapol-green.example', 'admin')).get(PATH).expect(200);
    expect(own.body.policy.timezone).toBe(green.timezone);
  });

  it('a customer session → 404', async () => {
    const ana = await createCustomer(blue);
    const portal = await signInAsCustomer(t, t.client('slapol-blue'), blue, ana);
    await portal.get(PATH).expect(404);
  });

  it('staff read the defaults with the support hours they count in, until an admin saves', async () => {
    const res = await (await staffAs(t, blue, 'dale@slapol-blue.example')).get(PATH).expect(200);
    const { policy } = ZSlaPolicyResponse.parse(res.body);
    expect(policy).toMatchObject({ targets: DEFAULT_SLA_TARGETS, customised: false, timezone: blue.timezone });
    expect(policy.supportHours.length).toBeGreaterThan(0);
  });
});

describe(`PUT ${PATH}`, () => {
  it('anonymous → 401', async () => {
    await anonymousClient(t, 'slapol-blue').put(PATH).send({ targets: DEFAULT_SLA_TARGETS }).expect(401);
  });

  it("another tenant's admin cannot change this tenant's targets (401 here, nothing saved)", async () => {
    const agent = await staffAs(t, green, 'ops@slapol-green.example', 'admin');
    const res = await agent
      .put(PATH)
      .set('X-Forwarded-Host', 'slapol-blue.localhost')
      .send({ targets: targets({ firstResponseMinutes: 5, resolutionMinutes: 5 }) });
    expect(res.status).toBe(401);
    const read = await (await staffAs(t, blue, 'dale@slapol-blue.example')).get(PATH).expect(200);
    expect(read.body.policy.customised).toBe(false);
  });

  it('staff who are not admins → 404 (they may only read)', async () => {
    await (
      await staffAs(t, blue, 'dale@slapol-blue.example')
    )
      .put(PATH)
      .send({ targets: DEFAULT_SLA_TARGETS })
      .expect(404);
  });

  it('rejects a missing priority, too few minutes and a resolution due before the first response, field by field', async () => {
    const admin = await staffAs(t, blue, 'admin@slapol-blue.example', 'admin');
    const res = await admin.put(PATH).send({
      targets: {
        low: DEFAULT_SLA_TARGETS.low,
        medium: { firstResponseMinutes: 1, resolutionMinutes: 60 },
        high: { firstResponseMinutes: 120, resolutionMinutes: 60 },
      },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(
      expect.arrayContaining([
        'targets.medium.firstResponseMinutes',
        'targets.high.resolutionMinutes',
        'targets.critical',
      ]),
    );
  });

  it('an admin saves the targets; staff then read them; the change is audited with what changed', async () => {
    const admin = await staffAs(t, blue, 'admin@slapol-blue.example', 'admin');
    const saved = await admin
      .put(PATH)
      .send({ targets: targets({ firstResponseMinutes: 30, resolutionMinutes: 240 }) });
    expect(saved.status).toBe(200);
    const res = await (await staffAs(t, blue, 'dale@slapol-blue.example')).get(PATH).expect(200);
    const { policy } = ZSlaPolicyResponse.parse(res.body);
    expect(policy).toMatchObject({ customised: true, updatedBy: 'admin@slapol-blue.example' });
    expect(policy.targets.high).toEqual({ firstResponseMinutes: 30, resolutionMinutes: 240 });
    const audit = await AuditEntryModel.findOne({ tenantId: blue._id, action: 'sla.update' }).lean();
    expect(audit?.summary).toBe('high 60/480 → 30/240');
    expect(audit?.actor?.email).toBe('admin@slapol-blue.example');
  });

  it("saving one tenant's targets leaves the other tenant on its own", async () => {
    const res = await (await staffAs(t, green, 'ops@slapol-green.example')).get(PATH).expect(200);
    expect(res.body.policy).toMatchObject({ customised: false, targets: DEFAULT_SLA_TARGETS });
  });
});
