import Root from './branded-header.svelte';
export { Root, Root as BrandedHeader };
