export { default as CustomerTicketList } from './customer-ticket-list.svelte';
