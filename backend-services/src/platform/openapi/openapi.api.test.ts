import { beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import { z } from 'zod';
import { compileErrors, validate as validateOpenApi } from '@readme/openapi-parser';
import { ZCsrfToken } from '@wisp/shared';
import type { TestApp } from '../../../test/harness.ts';
import { useTestApp } from '../../../test/kit.ts';
import { createCustomer, createTenant } from '../../../test/factories.ts';
import { TEST_CSRF } from '../../../test/sessions.ts';
import { createApp } from '../../app.ts';
import { createLogger } from '../http/logger.ts';
import { startSession } from '../auth/session.service.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/session-cookie.ts';
import { allow } from '../access/access.ts';
import { registeredRoutes } from '../access/route-walk.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../../customers/customer.model.ts';
import { buildOpenApi, openApiPath } from './openapi.ts';
import { responds } from './responds.ts';

type Operation = {
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
};
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { required?: string[] }>; responses: Record<string, unknown> };
};

const METRICS_TOKEN = 'openapi-test-metrics-token';
let t: TestApp;
let doc: Doc;
let tenant: TTenantDoc;
let customer: TCustomerDoc;

useTestApp((app) => (t = app), { METRICS_TOKEN });
beforeAll(async () => {
  tenant = await createTenant();
  customer = await createCustomer(tenant);
  doc = (await t.client(null).get('/api/openapi.json').expect(200)).body as Doc;
});

const operationsOf = (d: Doc) =>
  Object.entries(d.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
const op = (method: string, path: string) => doc.paths[path]![method]!;

/** A fresh session of the tenant's customer for each probe run (a probe signs out at its end). */
async function customerSession(): Promise<string> {
  const { token } = await startSession(
    {
      kind: 'customer',
      tenantId: String(tenant._id),
      uid: `uid-${customer.customerId}`,
      customerId: customer.customerId,
    },
    { idleMinutes: t.config.SESSION_IDLE_MINUTES, absoluteHours: t.config.SESSION_ABSOLUTE_HOURS },
  );
  return token;
}

/**
 * Sends one request to `METHOD /path/{param}` as the signed-in customer of the tenant (its own ids in
 * the path, `x` for the rest) and tells whether a route answered it: only the app's catch-all answers
 * "No such endpoint." Guards mounted for a whole prefix (the customer's own id, the branding tenant,
 * the service page) let this customer through, so an unknown path under them reaches the catch-all too.
 */
async function servedBy(operation: string, sessionToken: string): Promise<boolean> {
  const [method, template] = operation.split(' ') as [string, string];
  const ids: Record<string, string> = { tenantId: String(tenant._id), customerId: customer.customerId };
  const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? 'x');
  const unsafe = !['GET', 'HEAD'].includes(method);
  const abort = new AbortController();
  const res = await fetch(`${t.baseUrl}${path}`, {
    method,
    signal: abort.signal,
    headers: {
      'x-forwarded-host': `${tenant.slug}.localhost`,
      cookie: `${SESSION_COOKIE}=${sessionToken}; ${CSRF_COOKIE}=${TEST_CSRF}`,
      'x-csrf-token': TEST_CSRF,
      authorization: `Bearer ${METRICS_TOKEN}`,
      ...(unsafe ? { 'content-type': 'application/json' } : {}),
    },
    ...(unsafe ? { body: '{}' } : {}),
  });
  // A live stream answers with its headers and then stays open: its route exists.
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    abort.abort();
    return true;
  }
  const body = await res.text();
  return !(res.status === 404 && body.includes('"No such endpoint."'));
}

/** Signing out ends the probe's session: those go last. */
const signOutsLast = (ops: string[]) =>
  [...ops].sort((a, b) => Number(a.includes('logout')) - Number(b.includes('logout')));

describe('GET /api/openapi.json', () => {
  it('answers anyone, outside any tenant, with a document the OpenAPI 3.1 validator accepts', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validateOpenApi(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('names every route the app registers, and no other', () => {
    const app = createApp({ config: t.config, logger: createLogger('silent'), auth: t.auth });
    const registered = registeredRoutes(app).map((r) => `${r.method} ${openApiPath(r.path).path}`);
    expect(operationsOf(doc).sort()).toEqual(registered.sort());
    expect(registered).toContain('GET /api/openapi.json');
  });

  it('every path and method it names is answered by a route of the running app', async () => {
    const session = await customerSession();
    const unserved: string[] = [];
    for (const operation of signOutsLast(operationsOf(doc)))
      if (!(await servedBy(operation, session))) unserved.push(operation);
    expect(unserved).toEqual([]);
  });

  it('the probe above tells a made-up operation from a real one, also under prefix guards', async () => {
    const madeUp = [
      'GET /api/customer-portal/service/bogus',
      'POST /api/work-orders/customer/{customerId}/{id}/bogus',
      'DELETE /api/customers/{customerId}',
      'GET /api/tenant/{tenantId}/branding/bogus',
    ];
    const session = await customerSession();
    for (const operation of madeUp) expect(await servedBy(operation, session), operation).toBe(false);
    expect(await servedBy('GET /api/customer-portal/service', session)).toBe(true);
  });

  it('every operation declares its success answer, and the error envelope for 4xx and 5xx', () => {
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(ops)) {
        const statuses = Object.keys(operation.responses);
        expect(
          statuses.some((s) => /^[23]\d\d$/.test(s)),
          `${method} ${path}`,
        ).toBe(true);
        expect(operation.responses['4XX']).toEqual({ $ref: '#/components/responses/Error' });
        expect(operation.responses['5XX']).toEqual({ $ref: '#/components/responses/Error' });
      }
    expect(doc.components.responses.Error).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
    });
  });

  it('says who may call: public, the customer or the staff session, and the CSRF pair on unsafe methods', () => {
    const csrf = { csrfHeader: [], csrfCookie: [] };
    expect(op('get', '/api/customer-portal/support/faq').security).toEqual([]);
    expect(op('post', '/api/customer-portal/auth/login').security).toEqual([csrf]);
    expect(op('get', '/api/customer-portal/service').security).toEqual([{ customerSession: [] }]);
    expect(op('get', '/api/customers').security).toEqual([{ staffSession: [] }]);
    expect(op('post', '/api/work-orders/customer/{customerId}/{id}/comments').security).toEqual([
      { customerSession: [], ...csrf },
      { staffSession: [], ...csrf },
    ]);
    expect(op('delete', '/api/desk/views/{id}').security).toEqual([{ staffSession: [], ...csrf }]);
  });

  it('takes bodies, queries, path parameters, files and the Idempotency-Key from the routes’ declarations', () => {
    expect(op('post', '/api/customers').requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/CustomerInput',
    });
    expect(doc.components.schemas.CustomerInput?.required).toEqual(
      expect.arrayContaining(['customerId', 'firstName', 'lastName']),
    );
    const list = op('get', '/api/customers').parameters;
    expect(list.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(expect.arrayContaining(['page', 'q']));
    const member = op('patch', '/api/staff/team/{uid}').parameters.find((p) => p.name === 'uid');
    expect(member).toMatchObject({ in: 'path', schema: { type: 'string', minLength: expect.any(Number) } });
    const csv = op('post', '/api/customers/import').requestBody?.content;
    expect(Object.keys(csv ?? {})).toEqual(['multipart/form-data']);
    expect(JSON.stringify(csv)).toContain('"file"');
    const opening = op('post', '/api/work-orders/customer/{customerId}');
    expect(Object.keys(opening.requestBody?.content ?? {}).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(opening.parameters.map((p) => `${p.in} ${p.name}`)).toContain('header Idempotency-Key');
  });

  it('declares streams, file downloads and empty answers as such', () => {
    expect(op('get', '/api/work-orders/events').responses['200']?.content?.['text/event-stream']?.schema).toMatchObject(
      {
        $ref: '#/components/schemas/StaffDeskEvent',
      },
    );
    expect(
      op('get', '/api/work-orders/{id}/attachments/{attachmentId}').responses['200']?.content?.[
        'application/octet-stream'
      ],
    ).toBeDefined();
    expect(op('post', '/api/customer-portal/auth/logout').responses['204']).toEqual({ description: 'No Content' });
  });
});

describe('building the document', () => {
  const appWith = (add: (app: express.Express) => void) => {
    const app = express();
    add(app);
    return app;
  };

  it('fails for a route without its response declaration', () => {
    const app = appWith((a) => a.get('/api/new', allow('public'), (_req, res) => res.json({})));
    expect(() => buildOpenApi(app, { version: 't' })).toThrow('GET /api/new: no responds({…}) declaration');
  });

  it('fails for a route without its access declaration', () => {
    const app = appWith((a) => a.get('/api/new', responds({ 200: ZCsrfToken }), (_req, res) => res.json({})));
    expect(() => buildOpenApi(app, { version: 't' })).toThrow('GET /api/new: no allow(…) declaration');
  });

  it('fails for a response schema that is not one of the shared ones', () => {
    const local = z.object({ a: z.string() });
    const app = appWith((a) => a.get('/api/new', allow('public'), responds({ 200: local }), (_q, res) => res.json({})));
    expect(() => buildOpenApi(app, { version: 't' })).toThrow('not exported by @wisp/shared');
  });
});
