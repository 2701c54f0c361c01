import { fail, type RequestEvent } from '@sveltejs/kit';
import { isCommonPassword } from '@wisp/shared';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@wisp/shared/constants';
import { m } from '$lib/paraglide/messages';
import { BackendError, send } from './api.ts';

export type FormFailure = {
  form?: string;
  errors: Record<string, string>;
  message?: string;
  values: Record<string, string>;
};

export async function readForm(event: RequestEvent): Promise<(name: string) => string> {
  const data = await event.request.formData();
  return (name) => {
    const v = data.get(name);
    return typeof v === 'string' ? v : '';
  };
}

/** The password policy with translated reasons (the backend checks it again with the same rules). */
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return m.auth_error_password_length();
  if (password.length > PASSWORD_MAX_LENGTH) return m.auth_error_password_long();
  if (isCommonPassword(password)) return m.auth_error_password_common();
  return undefined;
}

/**
 * The "choose your password" step of an emailed link (reset, sign-up, invitation): the password is
 * checked here first, then sent with the link's code to `path` under `codeField`. Answers the form
 * failure to return, or undefined when the backend accepted it.
 */
export async function submitNewPassword(event: RequestEvent, path: string, codeField: string, formCodeField: string) {
  const get = await readForm(event);
  const password = get('password');
  const problem = passwordProblem(password);
  if (problem) return fail(400, { errors: { password: problem }, values: {} as Record<string, string> });
  try {
    await send(event, path, { method: 'POST', body: { [codeField]: get(formCodeField).trim(), password } });
  } catch (err) {
    return backendFailure(err, {}, undefined, { [codeField]: 'password' });
  }
  return undefined;
}

/**
 * A backend refusal as a form failure, in the reader's language where we know the code. `fieldMap`
 * renames backend field names to this form's inputs. `values` never include a password.
 */
export function backendFailure(
  err: unknown,
  values: Record<string, string>,
  form?: string,
  fieldMap: Record<string, string> = {},
) {
  if (!(err instanceof BackendError)) throw err;
  const base = { form, values, errors: {} as Record<string, string> };
  if (err.status === 429) {
    const minutes = Math.max(1, Math.ceil((err.retryAfterSeconds ?? 60) / 60));
    return fail(429, { ...base, message: m.auth_error_rate_limited({ minutes }) });
  }
  if (err.status >= 500) return fail(503, { ...base, message: m.common_error_unavailable() });
  if (err.body.code === 'CSRF_FAILED') return fail(403, { ...base, message: m.common_error_csrf() });
  const errors: Record<string, string> = {};
  for (const [field, text] of Object.entries(err.body.fields ?? {})) errors[fieldMap[field] ?? field] = text;
  const hasFieldErrors = Object.keys(errors).length > 0;
  return fail(err.status === 409 ? 409 : 400, {
    ...base,
    errors,
    message: hasFieldErrors ? undefined : err.body.message,
  });
}

/** Copies a browser form into a fresh FormData for the backend, dropping empty file inputs. */
export function forwardableForm(source: FormData, fields: string[]): FormData {
  const out = new FormData();
  for (const name of fields) {
    const value = source.get(name);
    if (typeof value === 'string') out.set(name, value);
  }
  for (const file of source.getAll('files')) {
    if (file instanceof File && file.size > 0 && file.name) out.append('files', file, file.name);
  }
  return out;
}
