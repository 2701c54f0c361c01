import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` that reports progress (for the button's "Signing in…" state) and keeps what the person
 * typed when the server answers with errors (the form is only reset on success).
 */
export function withBusy(setBusy: (busy: boolean) => void): SubmitFunction {
  return () => {
    setBusy(true);
    return async ({ update }) => {
      await update();
      setBusy(false);
    };
  };
}
