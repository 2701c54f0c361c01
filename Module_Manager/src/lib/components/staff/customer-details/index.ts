export { default as CustomerFacts } from './customer-facts.svelte';
export { default as CustomerEquipment } from './customer-equipment.svelte';
export { default as CustomerTickets } from './customer-tickets.svelte';
