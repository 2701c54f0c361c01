export { default as ModuleCards } from './module-cards.svelte';
export { default as TodayNumbers } from './today-numbers.svelte';
export { DESK_LINKS } from './links.ts';
export { formatAge } from './age.ts';
