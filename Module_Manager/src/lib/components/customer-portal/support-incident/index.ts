export { default as SupportIncidentCard } from './support-incident-card.svelte';
export { default as SupportIncidentBadge } from './support-incident-badge.svelte';
export * from './labels';
