export { default as StarRating } from './star-rating.svelte';
