import { m } from '$lib/paraglide/messages';

const STATUS: Record<string, () => string> = {
  investigating: m.outage_status_investigating,
  identified: m.outage_status_identified,
  monitoring: m.outage_status_monitoring,
  resolved: m.outage_status_resolved,
};
export const incidentStatusLabel = (s: string) => (STATUS[s] ?? (() => s))();

const DELIVERY: Record<string, () => string> = {
  pending: m.outage_delivery_pending,
  sent: m.outage_delivery_sent,
  failed: m.outage_delivery_failed,
  'no-email': m.outage_delivery_no_email,
};
export const deliveryStateLabel = (s: string) => (DELIVERY[s] ?? (() => s))();
