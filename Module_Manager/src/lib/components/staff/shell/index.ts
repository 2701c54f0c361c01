import './staff-theme.css';
export { default as StaffShell } from './staff-shell.svelte';
export { default as StaffBrand } from './staff-brand.svelte';
export { staffNav, isCurrent, isCurrentTab, type StaffNavItem } from './nav.ts';
export { default as StaffTitle } from './staff-title.svelte';
