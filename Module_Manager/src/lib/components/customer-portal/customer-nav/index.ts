import Root from './customer-nav.svelte';
export { Root, Root as CustomerNav };
