import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { useTestApp } from '../../test/kit.ts';
import { createCustomer, createTenant } from '../../test/factories.ts';
import { CustomerModel } from '../customers/customer.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { createAndLinkAccount } from './account-link.ts';

let t: TestApp;
let blue: TTenantDoc;
useTestApp((app) => (t = app));
beforeAll(async () => {
  blue = await createTenant({ slug: 'link-blue' });
});

describe('createAndLinkAccount', () => {
  it('links at most one Firebase account per customer even when concurrent attempts use different emails', async () => {
    const c = await createCustomer(blue);
    const deps = { config: t.config, auth: t.auth };
    const attempts = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((x) =>
        createAndLinkAccount(deps, blue, c, {
          email: `race-${x}@example.test`,
          password: 'Race-Password-1',
          via: 'signup',
        }),
      ),
    );
    const linked = attempts.filter((a) => a.status === 'fulfilled');
    expect(linked).toHaveLength(1);
    const users = (await t.auth.listUsers(1000)).users.filter((u) => u.email?.startsWith('race-'));
    expect(users).toHaveLength(1);
    expect((await CustomerModel.findById(c._id).lean())?.portalAccess?.firebaseUid).toBe(users[0]!.uid);
  });

  it('leaves nothing behind when Firebase refuses (email taken): the customer can try again', async () => {
    const c = await createCustomer(blue);
    await t.auth.createUser({ email: 'taken@example.test', password: 'Some-Password-1' });
    const deps = { config: t.config, auth: t.auth };
    await expect(
      createAndLinkAccount(deps, blue, c, { email: 'taken@example.test', password: 'Race-Password-1', via: 'signup' }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await CustomerModel.findById(c._id).lean())?.portalAccess?.firebaseUid).toBeUndefined();
    await expect(
      createAndLinkAccount(deps, blue, c, { email: 'free@example.test', password: 'Race-Password-1', via: 'signup' }),
    ).resolves.toEqual(expect.any(String));
  });
});
