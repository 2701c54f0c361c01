export { default as TicketTime } from './ticket-time.svelte';
export * from './format';
