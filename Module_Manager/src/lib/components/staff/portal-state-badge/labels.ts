import type { TPortalState, TServiceStatus } from '@wisp/shared/constants';
import { m } from '$lib/paraglide/messages';

export function portalStateLabel(state: TPortalState): string {
  const labels: Record<TPortalState, () => string> = {
    none: m.customers_portal_state_none,
    invited: m.customers_portal_state_invited,
    pending: m.customers_portal_state_pending,
    active: m.customers_portal_state_active,
    disabled: m.customers_portal_state_disabled,
    locked: m.customers_portal_state_locked,
  };
  return labels[state]();
}

export function serviceStatusLabel(status: TServiceStatus): string {
  const labels: Record<TServiceStatus, () => string> = {
    pending: m.customers_service_pending,
    active: m.customers_service_active,
    suspended: m.customers_service_suspended,
    cancelled: m.customers_service_cancelled,
  };
  return labels[status]();
}
