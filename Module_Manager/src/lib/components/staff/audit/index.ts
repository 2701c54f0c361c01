export { default as AuditFilters } from './audit-filters.svelte';
export { default as AuditTable } from './audit-table.svelte';
