// Sign-in form helpers. The field and summary parts live in lib/components/ui and are re-exported here
// for the pages that still import them from this folder.
export { ErrorSummary } from '$lib/components/ui/error-summary';
export { TextField } from '$lib/components/ui/text-field';
export { default as PasswordRules } from './password-rules.svelte';
export { default as NewPasswordForm } from './new-password-form.svelte';
export { withBusy } from './with-busy.ts';
export type { FormResult } from './form-result.ts';
