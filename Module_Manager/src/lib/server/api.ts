import { env } from '$env/dynamic/private';
import type { RequestEvent } from '@sveltejs/kit';
import { ZApiError, type TApiError } from '@wisp/shared';

/** The only way pages and hooks reach backend-services. */
export function backendUrl(path: string): string {
  return new URL(path, env.BACKEND_URL ?? 'http://127.0.0.1:4000').toString();
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
  ) {
    super(body.message);
  }
}

/** JSON call to the backend on behalf of the current browser request; throws BackendError on 4xx/5xx. */
export async function api<T>(event: RequestEvent, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers = forwardingHeaders(event);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  const url = new URL(backendUrl(path));
  const explicitTenant = event.url.searchParams.get('tenant');
  if (explicitTenant) url.searchParams.set('tenant', explicitTenant);
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const parsed = ZApiError.safeParse(json);
    throw new BackendError(res.status, parsed.success ? parsed.data.error : { code: 'INTERNAL', message: 'Unexpected response' });
  }
  return json as T;
}
