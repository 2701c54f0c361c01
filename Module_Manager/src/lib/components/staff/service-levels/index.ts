export { default as SlaTargetsTable } from './sla-targets-table.svelte';
export { default as SupportHoursSummary } from './support-hours-summary.svelte';
