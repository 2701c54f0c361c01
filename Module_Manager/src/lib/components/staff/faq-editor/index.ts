export { default as FaqEditor } from './faq-editor.svelte';
export { default as FaqList } from './faq-list.svelte';
