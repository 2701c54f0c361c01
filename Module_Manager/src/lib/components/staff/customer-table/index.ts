export { default as CustomerTable } from './customer-table.svelte';
