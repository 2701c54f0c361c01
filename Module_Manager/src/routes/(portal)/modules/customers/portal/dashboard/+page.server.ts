import type { TCustomerSelf } from '@wisp/shared';
import { send, BackendError } from '$lib/server/api';
import { customerTicketsPath } from '$lib/portal/api-paths';
import { redirectIfSignedOut } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

type TicketSummary = { id: string; ticketNumber: string; title: string; status: string; lastActivityAt: string };
type TicketPage = { items: TicketSummary[]; total: number };
type Incident = {
  id: string;
  title: string;
  status: string;
  lastUpdate?: { message?: string; at?: string } | null;
  eta?: string | null;
};

/** A part of the dashboard that may fail on its own: the page still renders, with a retry link. */
type Part<T> = { ok: true; value: T } | { ok: false };

async function part<T>(run: () => Promise<T>): Promise<Part<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (err instanceof BackendError && err.status === 401) throw err;
    return { ok: false };
  }
}

export const load: PageServerLoad = async (event) => {
  let customer: TCustomerSelf;
  try {
    ({ customer } = await send<{ customer: TCustomerSelf }>(event, '/api/customer-portal/auth/me'));
  } catch (err) {
    // The session ended between the hook's check and now: back to sign-in, then back here.
    redirectIfSignedOut(event, err);
    throw err;
  }
  let tickets: Part<TicketPage>;
  let status: Part<{ activeIncidents?: Incident[]; incidents?: Incident[] }>;
  try {
    [tickets, status] = await Promise.all([
      part(() => send<TicketPage>(event, `${customerTicketsPath(customer.customerId)}?group=open&pageSize=5`)),
      part(() =>
        send<{ activeIncidents?: Incident[]; incidents?: Incident[] }>(event, '/api/customer-portal/service/status'),
      ),
    ]);
  } catch (err) {
    redirectIfSignedOut(event, err);
    throw err;
  }
  return {
    customer,
    tickets,
    incidents: status.ok
      ? { ok: true as const, value: status.value.activeIncidents ?? status.value.incidents ?? [] }
      : { ok: false as const },
  };
};
