export { default as ErrorSummary } from './error-summary.svelte';
export { default as TextField } from './text-field.svelte';
export { default as PasswordRules } from './password-rules.svelte';
export { withBusy } from './with-busy.ts';
export type { FormResult } from './form-result.ts';
