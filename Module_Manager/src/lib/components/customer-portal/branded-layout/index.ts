import Root from './branded-layout.svelte';
export { Root, Root as BrandedLayout };
