export { default as ViewAsBanner } from './view-as-banner.svelte';
