export { default as SetPasswordCard } from './set-password-card.svelte';
export { default as ForgotPasswordCard } from './forgot-password-card.svelte';
