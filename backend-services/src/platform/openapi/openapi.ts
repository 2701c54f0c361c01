import { STATUS_CODES } from 'node:http';
import type { Express } from 'express';
import { ZApiError } from '@wisp/shared';
import { registeredRoutes, type RegisteredRoute } from '../access/route-walk.ts';
import { reachOf, type Audience, type RouteAccess } from '../access/permissions.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/session-cookie.ts';
import type { RequestMarker } from '../http/validate.ts';
import type { FileUploadMarker } from '../http/file-upload.ts';
import { Components, toJsonSchema, type JsonSchema } from './components.ts';
import { isJsonBody, type ResponseDeclaration, type ResponseMarker } from './responds.ts';

type Doc = Record<string, unknown>;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const AUDIENCES: Audience[] = ['customer', 'staff', 'admin'];

const requestParts = (route: RegisteredRoute) =>
  route.handlers.filter((h): h is RequestMarker => 'requestPart' in h).map((h) => h.requestPart);
const fileUploadOf = (route: RegisteredRoute) =>
  route.handlers.find((h): h is FileUploadMarker => 'fileUpload' in h)?.fileUpload;
export const responsesOf = (route: RegisteredRoute): ResponseDeclaration | undefined =>
  route.handlers.find((h): h is ResponseMarker => 'routeResponses' in h)?.routeResponses;

/** `/a/:id/b` → `/a/{id}/b`, with the names of its parameters. */
export function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path.replace(/:(\w+)/g, (_m, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path: converted, params };
}

/** The feature a path belongs to: `customer-portal/support`, `work-orders`, `branding`, … */
function tagOf(path: string): string {
  const words = path.split('/').filter((s) => s && !s.startsWith(':') && s !== 'api');
  if (words[0] === 'tenant' && words[1] === 'branding') return 'branding';
  if (words[0] === 'customer-portal' || words[0] === 'staff') return words.slice(0, 2).join('/');
  return words[0] ?? 'api';
}

function operationId(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((s) => s && s !== 'api')
    .map((s) => (s.startsWith(':') ? `by-${s.slice(1)}` : s))
    .flatMap((s) => s.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/**
 * Who may call: public, or the session cookie of the audiences the permission table lets in (customer
 * and/or staff). Every unsafe method under `/api` passes the double-submit CSRF check (header + cookie),
 * signed in or not (`platform/http/csrf.ts`).
 */
function securityOf(method: string, access: RouteAccess): Doc[] {
  const csrf = UNSAFE.has(method) ? { csrfHeader: [], csrfCookie: [] } : {};
  if (access === 'public') return Object.keys(csrf).length ? [csrf] : [];
  const who = AUDIENCES.filter((a) => reachOf(access, a));
  const sessions = [
    ...(who.includes('customer') ? ['customerSession'] : []),
    ...(who.some((a) => a !== 'customer') ? ['staffSession'] : []),
  ];
  return sessions.map((s) => ({ [s]: [], ...csrf }));
}

function audienceNote(access: RouteAccess): string {
  if (access === 'public') return 'Public within the tenant of the host.';
  const who = AUDIENCES.filter((a) => reachOf(access, a));
  return `Permission \`${access}\`: ${who.join(', ')}. Anything the caller may not see answers 404.`;
}

function parametersOf(route: RegisteredRoute, params: string[]): Doc[] {
  const parts = requestParts(route);
  const pathSchema = parts.find((p) => p.part === 'params');
  const pathProps = pathSchema ? ((toJsonSchema(pathSchema.schema, 'input').properties ?? {}) as JsonSchema) : {};
  const out: Doc[] = params.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: pathProps[name] ?? { type: 'string' },
  }));
  const key = route.handlers.find((h): h is { idempotencyKey: RegExp } => 'idempotencyKey' in h)?.idempotencyKey;
  if (key)
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'A retry with the same key by the same caller replays the first answer and creates nothing.',
      schema: { type: 'string', pattern: key.source },
    });
  const query = parts.find((p) => p.part === 'query');
  if (query) {
    const json = toJsonSchema(query.schema, 'input');
    const props = json.properties as Record<string, JsonSchema> | undefined;
    if (!props) throw new Error(`${route.method} ${route.path}: a query schema must be an object`);
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(props))
      out.push({ name, in: 'query', required: required.has(name), schema });
  }
  return out;
}

function requestBodyOf(route: RegisteredRoute, c: Components): Doc | undefined {
  const usedBy = `${route.method} ${route.path}`;
  const body = requestParts(route).find((p) => p.part === 'body');
  const upload = fileUploadOf(route);
  const content: Doc = {};
  if (body && (!upload || upload.jsonToo))
    content['application/json'] = { schema: c.ref(body.schema, 'input', usedBy) };
  if (upload) {
    const files = { type: 'string', contentMediaType: 'application/octet-stream' };
    const fileProp = upload.maxFiles > 1 ? { type: 'array', items: files, maxItems: upload.maxFiles } : files;
    const fields = body ? [c.ref(body.schema, 'input', usedBy)] : [];
    content['multipart/form-data'] = {
      schema: { allOf: [...fields, { type: 'object', properties: { [upload.field]: fileProp } }] },
    };
  }
  return Object.keys(content).length ? { required: Boolean(body) || !upload?.jsonToo, content } : undefined;
}

function responsesDoc(route: RegisteredRoute, declared: ResponseDeclaration, c: Components): Doc {
  const usedBy = `${route.method} ${route.path}`;
  const out: Doc = {};
  for (const [status, body] of Object.entries(declared)) {
    const description = STATUS_CODES[Number(status)] ?? status;
    if (isJsonBody(body)) {
      out[status] = { description, content: { 'application/json': { schema: c.ref(body, 'output', usedBy) } } };
    } else if (body.contentType === null) {
      out[status] = { description };
    } else {
      const events = body.contentType === 'text/event-stream';
      const schema = body.schema
        ? {
            ...c.ref(body.schema, 'output', usedBy),
            ...(events ? { description: 'The `data` of each event (its name is `type`).' } : {}),
          }
        : body.binary
          ? { type: 'string', contentMediaType: body.contentType }
          : { type: 'string' };
      out[status] = { description, content: { [body.contentType]: { schema } } };
    }
  }
  out['4XX'] = { $ref: '#/components/responses/Error' };
  out['5XX'] = { $ref: '#/components/responses/Error' };
  return out;
}

/** The OpenAPI 3.1 document of every route the app registers, from the shared zod schemas it declares. */
export function buildOpenApi(app: Express, info: { version: string }): Doc {
  const c = new Components();
  const paths: Record<string, Doc> = {};
  const errorRef = c.ref(ZApiError, 'output', 'the error envelope');
  for (const route of registeredRoutes(app)) {
    const declared = responsesOf(route);
    if (!declared) throw new Error(`${route.method} ${route.path}: no responds({…}) declaration`);
    if (route.access === null) throw new Error(`${route.method} ${route.path}: no allow(…) declaration`);
    const { path, params } = openApiPath(route.path);
    const requestBody = requestBodyOf(route, c);
    (paths[path] ??= {})[route.method.toLowerCase()] = {
      operationId: operationId(route.method, route.path),
      tags: [tagOf(route.path)],
      description: audienceNote(route.access),
      'x-permission': route.access,
      security: securityOf(route.method, route.access),
      parameters: parametersOf(route, params),
      ...(requestBody ? { requestBody } : {}),
      responses: responsesDoc(route, declared, c),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'WISP customer portal API',
      version: info.version,
      description:
        'Every request is answered for the tenant of its host (`X-Forwarded-Host` behind the portal). ' +
        'Errors are one envelope: `{ error: { code, message, fields? } }`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: c.schemas,
      responses: {
        Error: { description: 'The error envelope.', content: { 'application/json': { schema: errorRef } } },
      },
      securitySchemes: {
        customerSession: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'A customer signed in to the portal (POST /api/customer-portal/auth/login).',
        },
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'Staff or an admin signed in on the platform host (POST /api/staff/auth/session).',
        },
        csrfHeader: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: `Echoes the \`${CSRF_COOKIE}\` cookie (GET /api/session/csrf issues it) on every unsafe method.`,
        },
        csrfCookie: { type: 'apiKey', in: 'cookie', name: CSRF_COOKIE, description: 'The double-submit token.' },
      },
    },
  };
}
