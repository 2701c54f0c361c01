import type { TCustomerServiceStatus, TServiceInfo } from '@wisp/shared';
import { send } from '$lib/server/api';
import { failLoad, requireCustomerSession } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await requireCustomerSession(event);
  try {
    const [service, status] = await Promise.all([
      send<TServiceInfo>(event, '/api/customer-portal/service'),
      send<TCustomerServiceStatus>(event, '/api/customer-portal/service/status'),
    ]);
    return { service, status };
  } catch (err) {
    failLoad(err, event);
  }
};
