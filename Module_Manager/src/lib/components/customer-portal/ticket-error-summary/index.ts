export { default as TicketErrorSummary } from './ticket-error-summary.svelte';
