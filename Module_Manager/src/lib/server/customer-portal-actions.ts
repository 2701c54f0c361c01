import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { TPortalInviteResponse } from '@wisp/shared';
import { portalPath } from '$lib/portal/paths';
import { BackendError, send } from './api.ts';
import { readForm } from './forms.ts';
import { requireStaffSession } from './guards.ts';

import type { PortalLinkOutcome } from '$lib/components/staff/customer-portal-link/types';

export type PortalLinkResult = { portalLink: PortalLinkOutcome };

const customerPath = (customerId: string, rest = '') => `/api/customers/${encodeURIComponent(customerId)}${rest}`;

async function run(
  event: RequestEvent,
  act: (customerId: string, get: (n: string) => string) => Promise<PortalLinkResult>,
) {
  await requireStaffSession(event);
  const get = await readForm(event);
  const customerId = get('customerId');
  try {
    return await act(customerId, get);
  } catch (err) {
    if (!(err instanceof BackendError)) throw err;
    if (err.status === 401) redirect(303, `/modules/customers`);
    const error = Object.values(err.body.fields ?? {})[0] ?? err.body.message;
    return fail(400, { portalLink: { customerId, error } } satisfies PortalLinkResult);
  }
}

const changeAccess = (body: object, done: 'disabled' | 'enabled' | 'unlocked') => (event: RequestEvent) =>
  run(event, async (customerId) => {
    await send(event, customerPath(customerId, '/portal-access'), { method: 'POST', body });
    return { portalLink: { customerId, done } };
  });

/**
 * The CustomerPortalLink's named actions, shared by the customer list and the customer page. Each one
 * asks the backend, which checks access and records the change in the audit log.
 */
export const customerPortalActions = {
  portalInvite: (event: RequestEvent) =>
    run(event, async (customerId, get) => {
      const email = get('email').trim();
      const sent = await send<TPortalInviteResponse>(event, customerPath(customerId, '/portal-invite'), {
        method: 'POST',
        body: email ? { email } : {},
      });
      return { portalLink: { customerId, done: 'invited', link: sent.link, sentTo: sent.sentTo } };
    }),
  portalDisable: changeAccess({ enabled: false }, 'disabled'),
  portalEnable: changeAccess({ enabled: true }, 'enabled'),
  portalUnlock: changeAccess({ accountStatus: 'active' }, 'unlocked'),
  viewAs: async (event: RequestEvent) => {
    const result = await run(event, async (customerId) => {
      await send(event, customerPath(customerId, '/view-as'), { method: 'POST' });
      return { portalLink: { customerId } };
    });
    if ('status' in result) return result;
    redirect(303, portalPath('/dashboard'));
  },
};
