import type { RequestEvent } from '@sveltejs/kit';
import { ZApiError } from '@wisp/shared';
import { BackendError, backendUrl, CSRF_COOKIE, ensureCsrfCookie, forwardingHeaders } from './api';

/**
 * Multipart POST to the backend on behalf of the browser (the no-JavaScript form path): the same
 * forwarding headers and CSRF double-submit as api(); fetch sets the multipart boundary itself.
 */
export async function apiMultipart<T>(event: RequestEvent, path: string, form: FormData): Promise<T> {
  const headers = forwardingHeaders(event);
  const csrf = ensureCsrfCookie(event);
  headers.set('x-csrf-token', csrf);
  const cookie = headers.get('cookie') ?? '';
  if (!cookie.includes(`${CSRF_COOKIE}=`))
    headers.set('cookie', [cookie, `${CSRF_COOKIE}=${csrf}`].filter(Boolean).join('; '));
  const res = await fetch(backendUrl(path), { method: 'POST', headers, body: form });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const parsed = ZApiError.safeParse(json);
    throw new BackendError(
      res.status,
      parsed.success ? parsed.data.error : { code: 'INTERNAL', message: 'Unexpected response' },
    );
  }
  return json as T;
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
