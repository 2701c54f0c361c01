import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoProcessWorld, type SecondProcess } from '../../test/kit.ts';
import { signInAsStaff } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';

let t: TestApp;
let other: SecondProcess;
let blue: TTenantDoc;
twoProcessWorld('brf-blue', (w) => ({ t, other, blue } = w));

const path = (rest = '') => `/api/tenant/${String(blue._id)}/branding${rest}`;
type Client = ReturnType<TestApp['client']>;
const primaryOn = async (client: Client, cookie?: string) => {
  const req = client.get('/api/tenant/current');
  if (cookie) req.set('Cookie', cookie);
  return (await req).body.tenant.branding.colors.primary as string;
};

describe('a published branding on every backend process', () => {
  it('shows at once to the publisher (on any process) and on the publishing process, within seconds elsewhere', async () => {
    const before = blue.branding.colors.primary;
    // Both processes have the tenant cached.
    expect(await primaryOn(t.client('brf-blue'))).toBe(before);
    expect(await primaryOn(other.client('brf-blue'))).toBe(before);

    const admin = await signInAsStaff(t, t.client('brf-blue'), blue, 'admin');
    await admin.put(path()).send({ colors: { primary: '#0f766e' } });
    const published = await admin.post(path('/publish')).send({});
    expect(published.status).toBe(201);
    const versionCookie = (published.headers['set-cookie'] as unknown as string[])
      .find((c) => c.startsWith('wisp_brand_v='))!
      .split(';')[0]!;
    expect(decodeURIComponent(versionCookie)).toBe(`wisp_brand_v=${String(blue._id)}:2`);

    // The publishing process forgot its cached tenant; the publisher's browser skips any process's cache.
    expect(await primaryOn(t.client('brf-blue'))).toBe('#0f766e');
    expect(await primaryOn(other.client('brf-blue'), versionCookie)).toBe('#0f766e');

    // Anyone else on the other process gets it once its short cache runs out (3 s).
    const started = Date.now();
    let seen = await primaryOn(other.client('brf-blue'));
    while (seen !== '#0f766e' && Date.now() - started < 6_000) {
      await new Promise((r) => setTimeout(r, 250));
      seen = await primaryOn(other.client('brf-blue'));
    }
    expect(seen).toBe('#0f766e');
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
