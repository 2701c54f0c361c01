import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { browser } from '../../test/portal-accounts.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { AuditEntryModel } from './audit.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('audit', (w) => ({ t, blue, green } = w));

const entry = (tenant: TTenantDoc, at: string, fields: Record<string, unknown> = {}) => ({
  tenantId: tenant._id,
  at: new Date(at),
  actor: { uid: 'u-ada', email: 'ada@audit.example', role: 'admin' },
  action: 'staff.role',
  target: { kind: 'staff', id: 'u-bo', label: 'bo@audit.example' },
  summary: 'role staff → admin',
  ...fields,
});

beforeAll(async () => {
  await AuditEntryModel.insertMany([
    entry(blue, '2026-03-01T10:00:00Z'),
    entry(blue, '2026-03-02T10:00:00Z', {
      action: 'customer.invite',
      target: { kind: 'customer', id: 'C-1001', label: 'Maria Hansen' },
      actor: { uid: 'u-dale', email: 'dale@audit.example', role: 'staff' },
      summary: undefined,
    }),
    entry(blue, '2026-03-03T23:59:00Z', { action: 'staff.disable' }),
    entry(green, '2026-03-02T12:00:00Z', { summary: 'green only' }),
  ]);
});

const list = (agent: ReturnType<typeof browser>, q = '') => agent.get(`/api/audit${q}`);

describe('GET /api/audit', () => {
  it('anonymous → 401; a customer and plain staff → 404', async () => {
    expect((await list(browser(t, 'audit-blue'))).status).toBe(401);
    const customer = await signInAsCustomer(t, browser(t, 'audit-blue'), blue, await createCustomer(blue));
    expect((await list(customer)).status).toBe(404);
    expect((await list(await signInAsStaff(t, browser(t, 'audit-blue'), blue, 'staff'))).status).toBe(404);
  });

  it("admins read their own tenant's log only, newest first", async () => {
    const res = await list(await signInAsStaff(t, browser(t, 'audit-blue'), blue, 'admin'));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual([
      'staff.disable',
      'customer.invite',
      'staff.role',
    ]);
    expect(res.body.items.some((e: { summary?: string }) => e.summary === 'green only')).toBe(false);
  });

  it('filters by action, target, actor and an inclusive date range, and pages', async () => {
    const admin = await signInAsStaff(t, browser(t, 'audit-blue'), blue, 'admin');
    const total = async (q: string) => (await list(admin, q)).body.total as number;
    expect(await total('?action=customer.invite')).toBe(1);
    expect(await total('?targetKind=staff&targetId=u-bo')).toBe(2);
    expect(await total('?actor=DALE')).toBe(1);
    expect(await total('?from=2026-03-02&to=2026-03-03')).toBe(2);
    expect(await total('?to=2026-03-01')).toBe(1);
    const page2 = await list(admin, '?pageSize=2&page=2');
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(page2.body.items).toHaveLength(1);
  });

  it('a bad filter → 400 with the field named', async () => {
    const admin = await signInAsStaff(t, browser(t, 'audit-blue'), blue, 'admin');
    const res = await list(admin, '?from=yesterday&action=nope');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['action', 'from']);
  });

  it('a regex in the actor filter is matched literally', async () => {
    const admin = await signInAsStaff(t, browser(t, 'audit-blue'), blue, 'admin');
    expect((await list(admin, `?actor=${encodeURIComponent('.*')}`)).body.total).toBe(0);
  });
});
