export { default as StaffSignInForm } from './staff-sign-in-form.svelte';
