import { randomBytes } from 'node:crypto';
import { env } from '$env/dynamic/private';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import setCookieParser from 'set-cookie-parser';
import { ZApiError, type TApiError } from '@wisp/shared';

/** The cookie names the backend uses; the BFF relays them, never interprets the session. */
export const CSRF_COOKIE = 'wisp_csrf';

/** The only way pages and hooks reach backend-services. */
export function backendUrl(path: string): string {
  return new URL(path, env.BACKEND_URL ?? 'http://127.0.0.1:4000').toString();
}

/**
 * The double-submit CSRF token: created here on a first visit so server-rendered forms and the
 * page's own fetches can echo it. (SvelteKit's origin check already guards form actions.)
 */
export function ensureCsrfCookie(event: Pick<RequestEvent, 'cookies' | 'url'>): string {
  const existing = event.cookies.get(CSRF_COOKIE);
  if (existing && /^[\w-]{32,64}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  event.cookies.set(CSRF_COOKIE, token, {
    path: '/',
    httpOnly: false,
    sameSite: 'lax',
    secure: event.url.protocol === 'https:',
  });
  return token;
}

/** Headers that tell the backend who is asking and for which portal host, exactly as the browser sent. */
export function forwardingHeaders(event: RequestEvent): Headers {
  const headers = new Headers();
  const cookie = event.request.headers.get('cookie');
  if (cookie) headers.set('cookie', cookie);
  headers.set('x-forwarded-host', event.url.host);
  headers.set('x-forwarded-proto', event.url.protocol.replace(':', ''));
  headers.set('x-forwarded-for', safeClientAddress(event));
  const language = event.request.headers.get('accept-language');
  if (language) headers.set('accept-language', language);
  return headers;
}

function safeClientAddress(event: RequestEvent): string {
  try {
    return event.getClientAddress();
  } catch {
    return '127.0.0.1';
  }
}

export class BackendError extends Error {
  constructor(
    readonly status: number,
    readonly body: TApiError['error'],
    readonly retryAfterSeconds?: number,
  ) {
    super(body.message);
  }
}

/** Copies the backend's Set-Cookie (session start/end) onto the browser response. */
function relayCookies(response: Response, cookies: Cookies) {
  for (const c of setCookieParser.parse(response.headers.getSetCookie())) {
    cookies.set(c.name, c.value, {
      path: c.path ?? '/',
      httpOnly: c.httpOnly ?? false,
      secure: c.secure ?? false,
      sameSite: (c.sameSite?.toLowerCase() as 'lax' | 'strict' | 'none' | undefined) ?? 'lax',
      expires: c.expires,
      maxAge: c.maxAge,
    });
  }
}

/**
 * JSON call to the backend on behalf of the current browser request: forwards the browser's cookies,
 * the CSRF token for writes, and relays cookies the backend sets. Throws BackendError on 4xx/5xx.
 */
export async function api<T>(
  event: RequestEvent,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers = forwardingHeaders(event);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  if (method !== 'GET') {
    const csrf = ensureCsrfCookie(event);
    headers.set('x-csrf-token', csrf);
    // A token minted during this request is not in the browser's Cookie header yet.
    const cookie = headers.get('cookie') ?? '';
    if (!cookie.includes(`${CSRF_COOKIE}=`))
      headers.set('cookie', [cookie, `${CSRF_COOKIE}=${csrf}`].filter(Boolean).join('; '));
  }
  const url = new URL(backendUrl(path));
  const explicitTenant = event.url.searchParams.get('tenant');
  if (explicitTenant && !url.searchParams.has('tenant')) url.searchParams.set('tenant', explicitTenant);
  const res = await fetch(url, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  relayCookies(res, event.cookies);
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const parsed = ZApiError.safeParse(json);
    const retryAfter = Number(res.headers.get('retry-after')) || undefined;
    throw new BackendError(
      res.status,
      parsed.success ? parsed.data.error : { code: 'INTERNAL', message: 'Unexpected response' },
      retryAfter,
    );
  }
  return json as T;
}
