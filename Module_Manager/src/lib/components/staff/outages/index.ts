export { default as IncidentForm } from './incident-form.svelte';
export { default as IncidentList } from './incident-list.svelte';
export { default as IncidentUpdateForm } from './incident-update-form.svelte';
export { default as LinkTicketsPanel } from './link-tickets-panel.svelte';
export { default as DeliveryReport } from './delivery-report.svelte';
export { incidentStatusLabel, deliveryStateLabel } from './labels';
