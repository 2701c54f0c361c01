export { default as CustomerTicketCard } from './customer-ticket-card.svelte';
