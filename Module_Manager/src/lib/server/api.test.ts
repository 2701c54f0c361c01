import { afterEach, describe, expect, it } from 'vitest';
import { BackendError, CSRF_COOKIE, send } from './api.ts';
import { redirectIfSignedOut } from './guards.ts';
import { fakeEvent, recordFetch } from './testing/fake-event.ts';

let restore = () => {};
afterEach(() => restore());

function backend(reply: (req: Request) => Response = () => Response.json({ ok: true })) {
  const rec = recordFetch(reply);
  restore = rec.restore;
  return rec.calls;
}

describe('send(): the one backend client', () => {
  it('on a bare localhost, always carries the chosen tenant as ?tenant', async () => {
    const calls = backend();
    const { event } = fakeEvent('http://localhost:5173/modules/customers/portal/tickets', {
      cookies: { portal_tenant: 'summitridge' },
    });
    await send(event, '/api/session');
    const { event: withQuery } = fakeEvent('http://localhost:5173/modules/customers/portal?tenant=prairiesky');
    await send(withQuery, '/api/tenant/current');
    expect(new URL(calls[0]!.url).searchParams.get('tenant')).toBe('summitridge');
    expect(new URL(calls[1]!.url).searchParams.get('tenant')).toBe('prairiesky');
  });

  it("on a tenant's own host, adds no ?tenant (the host says which portal it is)", async () => {
    const calls = backend();
    const { event } = fakeEvent('http://prairiesky.localhost:4173/modules/customers/portal?tenant=summitridge');
    await send(event, '/api/session');
    expect(new URL(calls[0]!.url).searchParams.has('tenant')).toBe(false);
    expect(calls[0]!.headers.get('x-forwarded-host')).toBe('prairiesky.localhost:4173');
  });

  it("forwards the browser's cookies, language, Origin and address", async () => {
    const calls = backend();
    const { event } = fakeEvent('http://prairiesky.localhost:4173/x', {
      cookies: { wisp_session: 's'.repeat(30) },
      headers: { 'accept-language': 'es', origin: 'http://prairiesky.localhost:4173' },
    });
    await send(event, '/api/session');
    const sent = calls[0]!.headers;
    expect(sent.get('cookie')).toContain(`wisp_session=${'s'.repeat(30)}`);
    expect(sent.get('accept-language')).toBe('es');
    expect(sent.get('origin')).toBe('http://prairiesky.localhost:4173');
    expect(sent.get('x-forwarded-for')).toBe('203.0.113.7');
    expect(sent.get('x-forwarded-proto')).toBe('http');
  });

  it('forwards the view-as cookie on portal pages and portal API calls only', async () => {
    const calls = backend();
    const cookies = { wisp_session: 's'.repeat(30), wisp_view_as: 'v'.repeat(30) };
    const at = (path: string) => fakeEvent(`http://prairiesky.localhost:4173${path}`, { cookies }).event;
    await send(at('/modules/customers/portal/tickets'), '/api/session');
    await send(at('/api/work-orders/customer/C-1'), '/api/work-orders/customer/C-1');
    await send(at('/modules/customers/C-1'), '/api/session');
    await send(at('/dashboard'), '/api/session');
    const viewAs = calls.map((c) => c.headers.get('cookie')?.includes('wisp_view_as=') ?? false);
    expect(viewAs).toEqual([true, true, false, false]);
    expect(calls[2]!.headers.get('cookie')).toBe(`wisp_session=${'s'.repeat(30)}`);
  });

  it('sends the CSRF token on writes (cookie and header), and none on reads', async () => {
    const calls = backend();
    const { event } = fakeEvent('http://prairiesky.localhost:4173/x');
    await send(event, '/api/session');
    await send(event, '/api/customer-portal/auth/logout', { method: 'POST' });
    expect(calls[0]!.headers.get('x-csrf-token')).toBeNull();
    const token = calls[1]!.headers.get('x-csrf-token');
    expect(token).toMatch(/^[\w-]{32,64}$/);
    expect(calls[1]!.headers.get('cookie')).toContain(`${CSRF_COOKIE}=${token}`);
  });

  it('sends JSON as JSON and a FormData as multipart, with the same headers and CSRF token', async () => {
    const calls = backend();
    const { event } = fakeEvent('http://localhost:5173/x?tenant=prairiesky', {
      cookies: { wisp_csrf: 'c'.repeat(32) },
    });
    await send(event, '/api/a', { method: 'POST', body: { title: 'No signal' } });
    const form = new FormData();
    form.set('title', 'No signal');
    await send(event, '/api/b', { method: 'POST', body: form });
    expect(calls[0]!.headers.get('content-type')).toBe('application/json');
    expect(await calls[0]!.json()).toEqual({ title: 'No signal' });
    expect(calls[1]!.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect((await calls[1]!.formData()).get('title')).toBe('No signal');
    for (const call of calls) {
      expect(call.headers.get('x-csrf-token')).toBe('c'.repeat(32));
      expect(new URL(call.url).searchParams.get('tenant')).toBe('prairiesky');
    }
  });

  it('relays the cookies the backend sets onto the browser response', async () => {
    backend(() => {
      const headers = new Headers();
      headers.append('set-cookie', 'wisp_session=abc; Path=/; HttpOnly; SameSite=Lax');
      return new Response('{}', { status: 200, headers });
    });
    const { event, setCookies } = fakeEvent('http://prairiesky.localhost:4173/x');
    await send(event, '/api/customer-portal/auth/login', { method: 'POST', body: {} });
    expect(setCookies.get('wisp_session')).toMatchObject({ value: 'abc', options: { httpOnly: true, path: '/' } });
  });

  it("maps a refusal to BackendError with the backend's code, fields and Retry-After", async () => {
    backend(() =>
      Response.json(
        { error: { code: 'RATE_LIMITED', message: 'Too many attempts', fields: { identifier: 'Wait' } } },
        { status: 429, headers: { 'retry-after': '120' } },
      ),
    );
    const { event } = fakeEvent('http://prairiesky.localhost:4173/x');
    const err = await send(event, '/api/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err).toMatchObject({ status: 429, retryAfterSeconds: 120, body: { code: 'RATE_LIMITED' } });
    expect((err as BackendError).body.fields).toEqual({ identifier: 'Wait' });
  });

  it('maps a response that is not the error envelope to a generic INTERNAL error', async () => {
    backend(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const { event } = fakeEvent('http://prairiesky.localhost:4173/x');
    await expect(send(event, '/api/x')).rejects.toMatchObject({ status: 502, body: { code: 'INTERNAL' } });
  });
});

describe('redirectIfSignedOut: the one session-expired path', () => {
  const here = 'http://prairiesky.localhost:4173/modules/customers/portal/tickets?page=2';
  const thrown = (err: unknown) => {
    try {
      redirectIfSignedOut(fakeEvent(here).event, err);
    } catch (r) {
      return r;
    }
    return undefined;
  };

  it('sends an expired session to sign in, with the note and the way back', () => {
    const r = thrown(new BackendError(401, { code: 'SESSION_EXPIRED', message: 'expired' }));
    expect(r).toMatchObject({
      status: 303,
      location:
        '/modules/customers/portal/login?returnTo=%2Fmodules%2Fcustomers%2Fportal%2Ftickets%3Fpage%3D2&expired=1',
    });
  });

  it('sends a signed-out person to sign in without the expiry note', () => {
    const r = thrown(new BackendError(401, { code: 'UNAUTHENTICATED', message: 'Sign in' })) as { location: string };
    expect(r.location).toMatch(/^\/modules\/customers\/portal\/login\?returnTo=/);
    expect(r.location).not.toContain('expired');
  });

  it('leaves every other failure to the caller', () => {
    expect(thrown(new BackendError(404, { code: 'NOT_FOUND', message: 'x' }))).toBeUndefined();
    expect(thrown(new Error('boom'))).toBeUndefined();
  });
});
