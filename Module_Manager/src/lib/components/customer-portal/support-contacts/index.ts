export { default as SupportContacts } from './support-contacts.svelte';
