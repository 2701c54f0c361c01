import { PORTAL_STATES, SERVICE_STATUSES } from '@wisp/shared/constants';
import type { TCustomerListResponse } from '@wisp/shared';
import { send } from '$lib/server/api';
import { customerPortalActions } from '$lib/server/customer-portal-actions';
import { failLoad, requireStaffSession } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 25;

/** The view lives in the URL (shareable, back-button safe); values the list does not know are dropped. */
function filtersOf(url: URL) {
  const pick = <T extends string>(name: string, allowed: readonly T[]) => {
    const v = url.searchParams.get(name);
    return allowed.includes(v as T) ? (v as T) : '';
  };
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
  return {
    q: (url.searchParams.get('q') ?? '').trim().slice(0, 100),
    serviceStatus: pick('serviceStatus', SERVICE_STATUSES),
    portalState: pick('portalState', PORTAL_STATES),
    sort: pick('sort', ['name', '-name'] as const) || 'name',
    page,
  };
}

export const load: PageServerLoad = async (event) => {
  await requireStaffSession(event);
  const filters = filtersOf(event.url);
  const query = new URLSearchParams({ page: String(filters.page), pageSize: String(PAGE_SIZE), sort: filters.sort });
  if (filters.q) query.set('q', filters.q);
  if (filters.serviceStatus) query.set('serviceStatus', filters.serviceStatus);
  if (filters.portalState) query.set('portalState', filters.portalState);
  try {
    const list = await send<TCustomerListResponse>(event, `/api/customers?${query}`);
    return { list, filters };
  } catch (err) {
    failLoad(err, event);
  }
};

export const actions: Actions = customerPortalActions;
