export { default as TextLink } from './text-link.svelte';
