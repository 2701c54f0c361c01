import type { TCustomerServiceStatus, TServiceInfo } from '@wisp/shared';
import { api } from '$lib/server/api';
import { failLoad, requireCustomerSession } from '$lib/server/customer-guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await requireCustomerSession(event);
  try {
    const [service, status] = await Promise.all([
      api<TServiceInfo>(event, '/api/customer-portal/service'),
      api<TCustomerServiceStatus>(event, '/api/customer-portal/service/status'),
    ]);
    return { service, status };
  } catch (err) {
    failLoad(err, event.url);
  }
};
