export { default as QueueViews } from './queue-views.svelte';
export { default as QueueFilters } from './queue-filters.svelte';
export { default as QueueTable } from './queue-table.svelte';
export { default as ShortcutHelp } from './shortcut-help.svelte';
export { default as DeskConversation } from './desk-conversation.svelte';
export { default as DeskComposer } from './desk-composer.svelte';
export { default as CustomerPanel } from './customer-panel.svelte';
export { default as TicketControls } from './ticket-controls.svelte';
