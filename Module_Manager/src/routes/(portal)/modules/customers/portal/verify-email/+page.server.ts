import { api, BackendError } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** Opening the emailed link confirms the address; the page says how it went and what to do next. */
export const load: PageServerLoad = async (event) => {
  const oobCode = event.url.searchParams.get('oobCode') ?? '';
  if (oobCode.length < 10) return { result: 'invalid' as const };
  try {
    await api(event, '/api/customer-portal/auth/verify-email', { method: 'POST', body: { oobCode } });
    return { result: 'verified' as const };
  } catch (err) {
    if (err instanceof BackendError && err.status < 500)
      return { result: err.status === 429 ? ('busy' as const) : ('invalid' as const) };
    return { result: 'busy' as const };
  }
};
