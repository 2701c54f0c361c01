import type { ParsedMail } from 'mailparser';
import { CustomerModel, type TCustomerDoc } from '../src/customers/customer.model.ts';
import { CSRF_COOKIE } from '../src/platform/auth/session-cookie.ts';
import type { TTenantDoc } from '../src/tenants/tenant.model.ts';
import { createCustomer } from './factories.ts';
import type { TestApp } from './harness.ts';
import { recipientsOf } from './mail-catcher.ts';
import { TEST_CSRF } from './sessions.ts';

export const PASSWORD = 'Correct-Horse-Battery-42';

export type PortalCustomer = TCustomerDoc & { uid: string };

/** A customer of `tenant` with a real Firebase account (in the emulator) linked, as sign-up would leave it. */
export async function createPortalCustomer(
  t: TestApp,
  tenant: TTenantDoc,
  overrides: Record<string, unknown> = {},
  account: { status?: 'active' | 'pending' | 'locked' | 'suspended'; enabled?: boolean; password?: string } = {},
): Promise<PortalCustomer> {
  const customer = await createCustomer(tenant, overrides);
  const status = account.status ?? 'active';
  const user = await t.auth.createUser({
    email: customer.email!,
    password: account.password ?? PASSWORD,
    emailVerified: status !== 'pending',
  });
  await CustomerModel.updateOne(
    { _id: customer._id },
    {
      $set: {
        'portalAccess.firebaseUid': user.uid,
        'portalAccess.accountStatus': status,
        'portalAccess.enabled': account.enabled ?? true,
      },
    },
  );
  return { ...customer, uid: user.uid };
}

let ipCounter = 0;
/** A fresh client address per browser, so per-IP limits of one test do not leak into another. */
export const nextIp = () => `198.51.100.${++ipCounter % 250}`;

/** An anonymous browser on the tenant's portal: own cookie jar, a CSRF token, its own IP address. */
export function browser(t: Pick<TestApp, 'client'>, tenantSlug: string, ip = nextIp()) {
  const agent = t.client(tenantSlug);
  agent.set('X-Forwarded-For', ip);
  agent.jar.setCookie(`${CSRF_COOKIE}=${TEST_CSRF}; Path=/`, '127.0.0.1', '/');
  agent.set('X-CSRF-Token', TEST_CSRF);
  return agent;
}

/** The newest mail to `to` whose subject contains `subject`. */
export async function mailTo(t: TestApp, to: string, subject: string, after = 0): Promise<ParsedMail> {
  await t.outbox.drain();
  return t.mail.waitForMail(
    (m) =>
      t.mail.messages.indexOf(m) >= after &&
      recipientsOf(m).includes(to.toLowerCase()) &&
      (m.subject ?? '').includes(subject),
  );
}

/** The portal link `…/modules/customers/portal<path>?<param>=…` in a mail, as a URL. */
export function linkIn(mail: ParsedMail, path: string): URL {
  const match = new RegExp(`https?://[^\\s"<>]+/modules/customers/portal${path}\\?[^\\s"<>]+`).exec(mail.text ?? '');
  if (!match) throw new Error(`no ${path} link in mail "${mail.subject}"`);
  return new URL(match[0]);
}
