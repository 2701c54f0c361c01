export { default as OutageBanner } from './outage-banner.svelte';
