import { redirect, type Actions, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { safeReturnTo } from '$lib/portal/paths';
import { BackendError, send } from './api.ts';
import { backendFailure, readForm, type FormFailure } from './forms.ts';
import { fail } from '@sveltejs/kit';

/** What the login page needs to know from its URL: the way back and why the person is here. */
export function loginPageState(url: URL) {
  return {
    returnTo: safeReturnTo(url.searchParams.get('returnTo')),
    expired: url.searchParams.get('expired') === '1',
    signedOut: url.searchParams.get('signedOut') === '1',
    passwordChanged: url.searchParams.get('passwordChanged') === '1',
  };
}

async function login(event: RequestEvent) {
  const get = await readForm(event);
  const identifier = get('identifier').trim();
  const password = get('password');
  const returnTo = safeReturnTo(get('returnTo'));
  const values = { identifier };
  const errors: Record<string, string> = {};
  if (identifier.length < 3) errors.identifier = m.auth_error_identifier_required();
  if (!password) errors.password = m.auth_error_password_required();
  if (Object.keys(errors).length) return fail(400, { form: 'login', errors, values } satisfies FormFailure);
  try {
    await send(event, '/api/customer-portal/auth/login', { method: 'POST', body: { identifier, password } });
  } catch (err) {
    if (err instanceof BackendError && err.status === 401) {
      // One answer for every reason (unknown, wrong password, not allowed in): no account enumeration.
      return fail(401, {
        form: 'login',
        errors: { password: m.auth_error_credentials() },
        values,
      } satisfies FormFailure);
    }
    return backendFailure(err, values, 'login');
  }
  redirect(303, returnTo);
}

async function forgot(event: RequestEvent) {
  const get = await readForm(event);
  const identifier = get('forgotIdentifier').trim();
  const values = { forgotIdentifier: identifier };
  if (identifier.length < 3) {
    return fail(400, {
      form: 'forgot',
      errors: { forgotIdentifier: m.auth_error_identifier_required() },
      values,
    } satisfies FormFailure);
  }
  try {
    await send(event, '/api/customer-portal/auth/reset-password', { method: 'POST', body: { identifier } });
  } catch (err) {
    return backendFailure(err, values, 'forgot', { identifier: 'forgotIdentifier' });
  }
  return { form: 'forgot', resetSent: true, values };
}

export const loginActions: Actions = { login, forgot };
