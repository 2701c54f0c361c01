import type { TTicketStatus } from '@wisp/shared/constants';
import { m } from '$lib/paraglide/messages';
import { statusLabel } from '$lib/components/customer-portal/ticket-badges';

/** Status words as staff read them: the customer's "Waiting on you" is "Waiting on customer" here. */
export const deskStatusLabel = (s: TTicketStatus): string =>
  s === 'waiting-on-customer' ? m.desk_view_waiting() : statusLabel(s);
