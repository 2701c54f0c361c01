import { randomBytes } from 'node:crypto';
import { env } from '$env/dynamic/private';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import setCookieParser from 'set-cookie-parser';
import { ZApiError, type TApiError } from '@wisp/shared';
import { portalSubpath, rerouteToPortal } from '$lib/portal/paths';

/** The cookie names the backend uses; the BFF relays them, never interprets the session. */
export const CSRF_COOKIE = 'wisp_csrf';
export const TENANT_COOKIE = 'portal_tenant';
/** Staff viewing the portal as a customer (read-only): the backend honours it only beside their staff session. */
export const VIEW_AS_COOKIE = 'wisp_view_as';

/** What the client needs of a request: its URL, headers and cookies, and the tenant the hook resolved. */
export type ClientEvent = Pick<RequestEvent, 'url' | 'request' | 'cookies' | 'getClientAddress'> & {
  locals: Partial<Pick<App.Locals, 'tenant'>>;
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The one way to a backend URL (page calls and the `/api` proxy alike). On a bare loopback host the
 * tenant is not in the host name, so the slug the browser chose (`?tenant=`, the resolved tenant, or
 * its cookie) always travels along as `?tenant=`.
 */
export function backendUrl(event: ClientEvent, path: string): URL {
  const url = new URL(path, env.BACKEND_URL ?? 'http://127.0.0.1:4000');
  if (LOOPBACK_HOSTS.has(event.url.hostname) && !url.searchParams.has('tenant')) {
    const slug = event.url.searchParams.get('tenant') ?? event.locals.tenant?.slug ?? event.cookies.get(TENANT_COOKIE);
    if (slug) url.searchParams.set('tenant', slug);
  }
  return url;
}

/**
 * The double-submit CSRF token: created here on a first visit so server-rendered forms and the
 * page's own fetches can echo it.
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

/**
 * Headers that tell the backend who is asking and for which portal host, exactly as the browser sent
 * them. `Origin` goes along so the backend's cross-site check runs behind this server too, and
 * `Idempotency-Key` so a client's retry after a lost answer creates nothing twice.
 */
export function forwardingHeaders(event: ClientEvent): Headers {
  const headers = new Headers();
  for (const name of ['cookie', 'accept-language', 'origin', 'idempotency-key']) {
    const value = event.request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const cookie = headers.get('cookie');
  if (cookie && !isPortalRequest(event.url)) {
    const kept = withoutCookie(cookie, VIEW_AS_COOKIE);
    if (kept) headers.set('cookie', kept);
    else headers.delete('cookie');
  }
  headers.set('x-forwarded-host', event.url.host);
  headers.set('x-forwarded-proto', event.url.protocol.replace(':', ''));
  headers.set('x-forwarded-for', safeClientAddress(event));
  return headers;
}

/**
 * Portal pages and the portal's own API calls: the only requests the view-as cookie travels with, so
 * on staff pages the same browser is the staff member, and in the portal it is the customer (read-only).
 */
export function isPortalRequest(url: URL): boolean {
  const path = url.pathname.replace(/\/__data\.json$/, '');
  if (path.startsWith('/api/'))
    return path.startsWith('/api/customer-portal/') || path.startsWith('/api/work-orders/customer/');
  return portalSubpath(rerouteToPortal(path) ?? path) !== null;
}

function withoutCookie(header: string, name: string): string {
  return header
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c && !c.startsWith(`${name}=`))
    .join('; ');
}

function safeClientAddress(event: ClientEvent): string {
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

/** Copies the backend's Set-Cookie (session start/end, CSRF token) onto the browser response. */
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

/** The one mapping of a failed backend response: its error envelope, else a generic INTERNAL. */
function backendError(res: Response, text: string): BackendError {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const parsed = ZApiError.safeParse(json);
  return new BackendError(
    res.status,
    parsed.success ? parsed.data.error : { code: 'INTERNAL', message: 'Unexpected response' },
    Number(res.headers.get('retry-after')) || undefined,
  );
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export type SendInit = {
  method?: string;
  /** A FormData goes as multipart (fetch sets the boundary); anything else as JSON. */
  body?: unknown;
};

/**
 * A call to the backend on behalf of the current browser request, JSON or multipart: forwards the
 * browser's cookies and forwarding headers, adds the CSRF token on writes, relays the cookies the
 * backend sets, and throws BackendError on 4xx/5xx. Pages reach the backend only through this (the
 * browser's own `/api` calls go through the proxy handle, which shares `backendUrl` and the headers).
 */
export async function send<T>(event: ClientEvent, path: string, init: SendInit = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers = forwardingHeaders(event);
  const multipart = init.body instanceof FormData;
  if (init.body !== undefined && !multipart) headers.set('content-type', 'application/json');
  if (!SAFE_METHODS.has(method)) {
    const csrf = ensureCsrfCookie(event);
    headers.set('x-csrf-token', csrf);
    // A token minted during this request is not in the browser's Cookie header yet.
    const cookie = headers.get('cookie') ?? '';
    if (!cookie.includes(`${CSRF_COOKIE}=`))
      headers.set('cookie', [cookie, `${CSRF_COOKIE}=${csrf}`].filter(Boolean).join('; '));
  }
  const res = await fetch(backendUrl(event, path), {
    method,
    headers,
    body: init.body === undefined ? undefined : multipart ? (init.body as FormData) : JSON.stringify(init.body),
  });
  relayCookies(res, event.cookies);
  const text = await res.text();
  if (!res.ok) throw backendError(res, text);
  try {
    return (text ? JSON.parse(text) : undefined) as T;
  } catch {
    return undefined as T;
  }
}
