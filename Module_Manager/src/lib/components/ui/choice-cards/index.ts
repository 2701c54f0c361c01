export { default as ChoiceCards } from './choice-cards.svelte';
