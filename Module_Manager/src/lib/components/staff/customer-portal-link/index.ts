export { default as CustomerPortalLink } from './customer-portal-link.svelte';
export type { PortalLinkOutcome } from './types.ts';
export { formatDay, formatWhen } from './when.ts';
