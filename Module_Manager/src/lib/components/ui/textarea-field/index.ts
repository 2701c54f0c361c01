export { default as TextareaField } from './textarea-field.svelte';
