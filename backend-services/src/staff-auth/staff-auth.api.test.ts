import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { browser, PASSWORD } from '../../test/portal-accounts.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('staff', (w) => ({ t, blue, green } = w));

let n = 0;
async function staffUser(claims: Record<string, string> | null) {
  const user = await t.auth.createUser({ email: `staff${++n}@wisp.example`, password: PASSWORD, emailVerified: true });
  if (claims) await t.auth.setCustomUserClaims(user.uid, claims);
  return user.email!;
}
const login = (slug: string, email: string, password = PASSWORD) => {
  const agent = browser(t, slug);
  return { agent, res: agent.post('/api/staff/auth/login').send({ email, password }) };
};

describe('POST /api/staff/auth/login', () => {
  it('signs staff in on their own tenant with their role', async () => {
    const email = await staffUser({ role: 'admin', tenantId: String(blue._id) });
    const { agent, res } = login('staff-blue', email);
    expect((await res).status).toBe(200);
    expect((await res).body).toEqual({ staff: { email, role: 'admin' }, tenant: { slug: 'staff-blue' } });
    expect((await agent.get('/api/session')).body.actor).toEqual({ kind: 'staff', role: 'admin', email });
  });

  it('staff whose claims name another tenant, a customer, or no role at all get the generic 401', async () => {
    const greenStaff = await staffUser({ role: 'staff', tenantId: String(green._id) });
    const customer = await staffUser({ role: 'customer', tenantId: String(blue._id) });
    const noClaims = await staffUser(null);
    const answers = await Promise.all(
      [greenStaff, customer, noClaims, 'nobody@wisp.example'].map((e) => login('staff-blue', e).res),
    );
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(answers[0]!.body);
    }
    expect((await login('staff-green', greenStaff).res).status).toBe(200);
  });

  it('wrong password → the same 401', async () => {
    const email = await staffUser({ role: 'staff', tenantId: String(blue._id) });
    const res = await login('staff-blue', email, 'Not-The-Password-1').res;
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('POST /api/staff/auth/logout', () => {
  it('ends the staff session', async () => {
    const email = await staffUser({ role: 'staff', tenantId: String(blue._id) });
    const { agent, res } = login('staff-blue', email);
    await res;
    expect((await agent.post('/api/staff/auth/logout')).status).toBe(204);
    expect((await agent.get('/api/session')).body.actor).toBeNull();
  });
});
