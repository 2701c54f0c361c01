export { default as TicketThread } from './ticket-thread.svelte';
