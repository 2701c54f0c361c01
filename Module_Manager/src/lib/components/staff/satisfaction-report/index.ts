export { default as PeriodForm } from './period-form.svelte';
export { default as RatingDistribution } from './rating-distribution.svelte';
export { default as RatingByAssignee } from './rating-by-assignee.svelte';
export { default as LowRatings } from './low-ratings.svelte';
