export { default as TeamTable } from './team-table.svelte';
