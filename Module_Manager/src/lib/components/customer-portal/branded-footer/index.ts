import Root from './branded-footer.svelte';
export { Root, Root as BrandedFooter };
