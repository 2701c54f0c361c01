import type { TCustomerTicketPage } from '@wisp/shared';
import { api } from '$lib/server/api';
import { failLoad, requireCustomerSession } from '$lib/server/customer-guard';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 10;

export const load: PageServerLoad = async (event) => {
  const { customerId } = await requireCustomerSession(event);
  const filter = event.url.searchParams.get('filter') === 'closed' ? 'closed' : 'open';
  const page = Math.max(1, Math.min(1000, Number.parseInt(event.url.searchParams.get('page') ?? '1', 10) || 1));
  try {
    const list = await api<TCustomerTicketPage>(
      event,
      `/api/work-orders/customer/${encodeURIComponent(customerId)}?group=${filter}&page=${page}&pageSize=${PAGE_SIZE}`,
    );
    return { customerId, filter, list };
  } catch (err) {
    failLoad(err, event.url);
  }
};
