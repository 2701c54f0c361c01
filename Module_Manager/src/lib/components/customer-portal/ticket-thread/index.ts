export { default as TicketThread } from './ticket-thread.svelte';
export { default as TicketGallery } from './ticket-gallery.svelte';
