import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` that reports progress (for the button's "Signing in…" state) and keeps what the person
 * typed when the server answers with errors (the form is only reset on success) — except passwords,
 * which are never kept, as without JavaScript.
 */
export function withBusy(setBusy: (busy: boolean) => void): SubmitFunction {
  return ({ formElement }) => {
    setBusy(true);
    return async ({ result, update }) => {
      await update();
      if (result.type === 'failure' || result.type === 'error') {
        for (const input of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
          input.value = '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }
      setBusy(false);
    };
  };
}
