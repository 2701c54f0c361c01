import { afterEach, describe, expect, it } from 'vitest';
import express, { type RequestHandler } from 'express';
import supertest from 'supertest';
import { ZCsrfToken } from '@wisp/shared';
import { NO_CONTENT, responds, takeResponseChecks } from './responds.ts';

/** A one-route app answering `status` with `body` behind the declaration under test. */
function appAnswering(declaration: Parameters<typeof responds>[0], status: number, body: unknown) {
  const app = express();
  const answer: RequestHandler = (_req, res) => {
    res.status(status).json(body);
  };
  app.get('/thing', responds(declaration), answer);
  return supertest(app);
}

afterEach(() => {
  takeResponseChecks();
});

describe('responds(): every JSON answer is checked against the route’s declaration (tests run with NODE_ENV=test)', () => {
  it('passes an answer that matches its schema through unchanged, and counts it', async () => {
    const res = await appAnswering({ 200: ZCsrfToken }, 200, { csrfToken: 'abc' }).get('/thing');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ csrfToken: 'abc' });
    expect(takeResponseChecks()).toEqual({ checked: 1, mismatches: [] });
  });

  it('answers 500 RESPONSE_SCHEMA naming the route and the field when the body breaks the schema', async () => {
    const res = await appAnswering({ 200: ZCsrfToken }, 200, { csrfToken: 5 }).get('/thing');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('RESPONSE_SCHEMA');
    expect(res.body.error.message).toContain('GET /thing answered 200');
    expect(res.body.error.message).toContain('csrfToken');
    expect(takeResponseChecks().mismatches).toEqual([expect.objectContaining({ route: 'GET /thing', status: 200 })]);
  });

  it('refuses a field the schema does not name (zod would drop it; the client would still get it)', async () => {
    const res = await appAnswering({ 200: ZCsrfToken }, 200, { csrfToken: 'abc', internalNote: 'x' }).get('/thing');
    expect(res.status).toBe(500);
    expect(res.body.error.message).toContain('fields the schema does not name: $.internalNote');
  });

  it('checks the body as the client receives it (a Date is a string on the wire)', async () => {
    const res = await appAnswering({ 200: ZCsrfToken }, 200, { csrfToken: new Date(0) }).get('/thing');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ csrfToken: '1970-01-01T00:00:00.000Z' });
  });

  it('refuses a success status the route does not declare', async () => {
    const res = await appAnswering({ 201: ZCsrfToken }, 200, { csrfToken: 'abc' }).get('/thing');
    expect(res.status).toBe(500);
    expect(res.body.error.message).toContain('status 200 is not declared');
  });

  it('refuses JSON from a route declared to answer without a body', async () => {
    const res = await appAnswering({ 204: NO_CONTENT }, 204, {}).get('/thing');
    expect(res.status).toBe(500);
  });

  it('checks error answers against the one error envelope', async () => {
    const ok = await appAnswering({ 200: ZCsrfToken }, 404, { error: { code: 'NOT_FOUND', message: 'No.' } }).get(
      '/thing',
    );
    expect(ok.status).toBe(404);
    const bad = await appAnswering({ 200: ZCsrfToken }, 400, { message: 'flat' }).get('/thing');
    expect(bad.status).toBe(500);
    expect(bad.body.error.message).toContain('not the error envelope');
  });
});
