export { default as TicketStatusBadge } from './ticket-status-badge.svelte';
export { default as TicketPriorityBadge } from './ticket-priority-badge.svelte';
export { default as StatusIcon } from './status-icon.svelte';
export * from './labels';
export { default as FileIcon } from './file-icon.svelte';
