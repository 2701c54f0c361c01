export { default as ServiceStatusCard } from './service-status-card.svelte';
export { default as SignalQuality } from './signal-quality.svelte';
