export { default as ForgotPasswordForm } from './forgot-password-form.svelte';
