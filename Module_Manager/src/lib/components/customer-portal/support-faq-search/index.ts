export { default as SupportFaqSearch } from './support-faq-search.svelte';
