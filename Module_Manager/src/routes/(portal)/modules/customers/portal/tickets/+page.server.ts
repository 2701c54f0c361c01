import type { TCustomerTicketPage } from '@wisp/shared';
import { send } from '$lib/server/api';
import { customerTicketsPath } from '$lib/portal/api-paths';
import { failLoad, requireCustomerSession } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 10;

export const load: PageServerLoad = async (event) => {
  const { customerId } = await requireCustomerSession(event);
  const filter = event.url.searchParams.get('filter') === 'closed' ? 'closed' : 'open';
  const page = Math.max(1, Math.min(1000, Number.parseInt(event.url.searchParams.get('page') ?? '1', 10) || 1));
  try {
    const list = await send<TCustomerTicketPage>(
      event,
      `${customerTicketsPath(customerId)}?group=${filter}&page=${page}&pageSize=${PAGE_SIZE}`,
    );
    return { customerId, filter, list };
  } catch (err) {
    failLoad(err, event);
  }
};
