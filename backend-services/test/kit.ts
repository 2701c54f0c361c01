import { afterAll, beforeAll } from 'vitest';
import type { TConfig } from '../src/config.ts';
import type { TTenantDoc } from '../src/tenants/tenant.model.ts';
import { createTenant } from './factories.ts';
import { startTestApp, type TestApp } from './harness.ts';

type Overrides = Partial<Record<keyof TConfig, string>>;
export type TwoTenantWorld = { t: TestApp; blue: TTenantDoc; green: TTenantDoc };

/**
 * The API test file's set-up: the real app on port 0 for this file (closed after it), handed to
 * `ready` once it runs. Hooks registered after this call run after it, so they may use what it made.
 */
export function useTestApp(ready: (t: TestApp) => void, config: Overrides = {}): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(config);
    ready(app);
  });
  afterAll(() => app?.close());
}

/**
 * The app plus two tenants: `<prefix>-blue` (the one under test) and `<prefix>-green` (another tenant,
 * with other branding), which every endpoint's "another tenant → 404" test needs.
 */
export function twoTenantWorld(prefix: string, ready: (world: TwoTenantWorld) => void, config: Overrides = {}): void {
  let app: TestApp;
  useTestApp((t) => (app = t), config);
  beforeAll(async () => {
    const blue = await createTenant({ slug: `${prefix}-blue` });
    const green = await createTenant({ slug: `${prefix}-green`, like: 'summitridge' });
    ready({ t: app, blue, green });
  });
}

export type SecondProcess = Awaited<ReturnType<TestApp['anotherInstance']>>;
export type TwoProcessWorld = { t: TestApp; other: SecondProcess; blue: TTenantDoc };

/** The app on two backend processes over one database, and one tenant: for races between processes. */
export function twoProcessWorld(slug: string, ready: (world: TwoProcessWorld) => void): void {
  let app: TestApp;
  useTestApp((t) => (app = t));
  beforeAll(async () => {
    const other = await app.anotherInstance();
    ready({ t: app, other, blue: await createTenant({ slug }) });
  });
}
