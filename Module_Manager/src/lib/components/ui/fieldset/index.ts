export { default as Fieldset } from './fieldset.svelte';
