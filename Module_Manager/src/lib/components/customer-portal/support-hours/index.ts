export { default as SupportHours } from './support-hours.svelte';
export * from './format';
