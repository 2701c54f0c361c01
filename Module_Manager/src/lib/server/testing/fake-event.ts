import type { Cookies, RequestEvent } from '@sveltejs/kit';

/** A cookie jar that records what a handler set, for unit tests of the server code. */
export function fakeCookies(initial: Record<string, string> = {}) {
  const jar = new Map(Object.entries(initial));
  const set = new Map<string, { value: string; options: unknown }>();
  const cookies = {
    get: (name: string) => jar.get(name),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, options: unknown) => {
      jar.set(name, value);
      set.set(name, { value, options });
    },
    delete: (name: string) => void jar.delete(name),
    serialize: () => '',
  } as unknown as Cookies;
  return { cookies, set };
}

/** A request event for `url` as the browser would send it (headers, cookies), enough for api.ts and the hooks. */
export function fakeEvent(
  url: string,
  init: { method?: string; headers?: Record<string, string>; cookies?: Record<string, string>; body?: BodyInit } = {},
) {
  const { cookies, set } = fakeCookies(init.cookies);
  const cookieHeader = Object.entries(init.cookies ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const request = new Request(url, {
    method: init.method ?? 'GET',
    headers: { ...(cookieHeader ? { cookie: cookieHeader } : {}), ...init.headers },
    body: init.body,
  });
  const event = {
    url: new URL(url),
    request,
    cookies,
    locals: { tenant: null, session: null, contrast: 'normal' },
    params: {},
    getClientAddress: () => '203.0.113.7',
  } as unknown as RequestEvent;
  return { event, setCookies: set };
}

/** Replaces global fetch with a recorder that answers `reply` (a Response factory) to every call. */
export function recordFetch(reply: (req: Request) => Response | Promise<Response>) {
  const calls: Request[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    calls.push(req.clone());
    return reply(req);
  }) as typeof fetch;
  return { calls, restore: () => (globalThis.fetch = original) };
}
