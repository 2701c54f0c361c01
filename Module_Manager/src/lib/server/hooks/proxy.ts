import type { Handle, RequestEvent } from '@sveltejs/kit';
import { backendUrl, forwardingHeaders } from '../api.ts';

/** Request headers the browser's own API calls need besides the forwarding ones (which include Origin). */
const PASSED_THROUGH = ['content-type', 'accept', 'x-csrf-token', 'last-event-id', 'x-request-id'];

/** Response headers that describe the upstream connection, not the response we send on. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length']);

async function proxyToBackend(event: RequestEvent): Promise<Response> {
  const headers = forwardingHeaders(event);
  for (const name of PASSED_THROUGH) {
    const value = event.request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const hasBody = !['GET', 'HEAD'].includes(event.request.method);
  let upstream: Response;
  try {
    upstream = await fetch(backendUrl(event, event.url.pathname + event.url.search), {
      method: event.request.method,
      headers,
      body: hasBody ? event.request.body : undefined,
      redirect: 'manual',
      signal: event.request.signal,
      // @ts-expect-error -- undici needs `duplex` to stream a request body; the DOM type lacks it.
      duplex: hasBody ? 'half' : undefined,
    });
  } catch {
    return Response.json(
      { error: { code: 'INTERNAL', message: 'The service is unavailable. Please try again in a moment.' } },
      { status: 502 },
    );
  }
  const responseHeaders = new Headers();
  upstream.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name) && name !== 'set-cookie') responseHeaders.set(name, value);
  });
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append('set-cookie', cookie);
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}

/**
 * One origin for the browser: `/api/*` is forwarded to backend-services as a stream (uploads and
 * Server-Sent Events included), so session cookies are first-party and no CORS is needed.
 */
export const proxy: Handle = ({ event, resolve }) =>
  event.url.pathname.startsWith('/api/') ? proxyToBackend(event) : resolve(event);
