import Root from './page-title.svelte';
export { Root, Root as PageTitle };
