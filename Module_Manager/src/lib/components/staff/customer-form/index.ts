export { default as CustomerForm } from './customer-form.svelte';
export { valuesOf, type CustomerFormValues } from './values.ts';
