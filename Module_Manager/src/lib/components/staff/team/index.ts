export { default as TeamTable } from './team-table.svelte';
export { default as InviteForm } from './invite-form.svelte';
