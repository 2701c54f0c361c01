import type { TTicketCategory, TTicketPriority, TTicketStatus } from '@wisp/shared/constants';
import { m } from '$lib/paraglide/messages';

export const statusLabel = (s: TTicketStatus): string =>
  ({
    open: m.tickets_status_open,
    'in-progress': m.tickets_status_in_progress,
    'waiting-on-customer': m.tickets_status_waiting_on_customer,
    resolved: m.tickets_status_resolved,
    closed: m.tickets_status_closed,
  })[s]();

export const priorityLabel = (p: TTicketPriority): string =>
  ({
    low: m.tickets_priority_low,
    medium: m.tickets_priority_medium,
    high: m.tickets_priority_high,
    critical: m.tickets_priority_critical,
  })[p]();

export const priorityHint = (p: TTicketPriority): string =>
  ({
    low: m.tickets_priority_low_hint,
    medium: m.tickets_priority_medium_hint,
    high: m.tickets_priority_high_hint,
    critical: m.tickets_priority_high_hint,
  })[p]();

export const categoryLabel = (c: TTicketCategory): string =>
  ({
    'slow-speed': m.tickets_category_slow_speed,
    'no-connection': m.tickets_category_no_connection,
    intermittent: m.tickets_category_intermittent,
    'equipment-failure': m.tickets_category_equipment_failure,
    'billing-issue': m.tickets_category_billing_issue,
    other: m.tickets_category_other,
  })[c]();

export const categoryHint = (c: TTicketCategory): string =>
  ({
    'slow-speed': m.tickets_category_slow_speed_hint,
    'no-connection': m.tickets_category_no_connection_hint,
    intermittent: m.tickets_category_intermittent_hint,
    'equipment-failure': m.tickets_category_equipment_failure_hint,
    'billing-issue': m.tickets_category_billing_issue_hint,
    other: m.tickets_category_other_hint,
  })[c]();

/** The lists come from the zod-free entry point, so the browser bundle stays free of the schema library. */
export {
  TICKET_CATEGORIES as CATEGORIES,
  CUSTOMER_TICKET_PRIORITIES as CUSTOMER_PRIORITIES,
} from '@wisp/shared/constants';
