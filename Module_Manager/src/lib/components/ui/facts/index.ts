export { default as Facts } from './facts.svelte';
export { default as Fact } from './fact.svelte';
