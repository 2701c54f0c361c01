export { default as Page } from './page.svelte';
