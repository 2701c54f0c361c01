export { default as PortalStateBadge } from './portal-state-badge.svelte';
export { portalStateLabel, serviceStatusLabel } from './labels.ts';
