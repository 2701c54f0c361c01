import { Router, type RequestHandler } from 'express';
import { responds } from '../platform/openapi/responds.ts';
import multer from 'multer';
import {
  CUSTOMER_IMPORT_MAX_BYTES,
  ZCustomerDetail,
  ZCustomerImportAnalysis,
  ZCustomerImportRequest,
  ZCustomerImportResult,
  ZCustomerInput,
  ZCustomerListQuery,
  ZCustomerListResponse,
  ZCustomerSaved,
  ZCustomerUpdate,
  ZViewAsEnded,
  ZViewAsStarted,
  ZPortalAccessResponse,
  ZPortalAccessUpdate,
  ZPortalInviteRequest,
  ZPortalInviteResponse,
  ZServiceStatusResponse,
  ZServiceStatusUpdate,
} from '@wisp/shared';
import { respond } from '../platform/http/respond.ts';
import { allow, staffActorOf } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import { declareFileUpload } from '../platform/http/file-upload.ts';
import type { AuthDeps } from '../customer-auth/customer-login.service.ts';
import { inviteCustomerToPortal } from '../customer-auth/portal-invite.service.ts';
import { changePortalAccess, changeServiceStatus } from './portal-access.service.ts';
import { createCustomer, getCustomer, listCustomers, updateCustomer } from './staff-customers.service.ts';
import { analyzeImport, dryRunImport, runImport } from './customer-import.service.ts';
import { startViewingAs, stopViewingAs } from './view-as.service.ts';
import { clearViewAsCookie, setViewAsCookie } from '../platform/auth/view-as-session.ts';

/** The CSV of an import, in memory (a few MB at most), as the multipart part `file`. */
const csvUpload: RequestHandler = declareFileUpload(
  multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: CUSTOMER_IMPORT_MAX_BYTES, files: 1, fields: 5 },
  }).single('file'),
  { field: 'file', maxFiles: 1, jsonToo: false },
);

/** Staff-side customer actions: `/api/customers/:customerId/*`, customers of `req.tenant` only. */
export function customersRouter(deps: AuthDeps): Router {
  const router = Router();

  router.get(
    '/',
    allow('customer.list'),
    responds({ 200: ZCustomerListResponse }),
    validate('query', ZCustomerListQuery),
    async (req, res) => {
      respond(res, ZCustomerListResponse, await listCustomers(req, res.locals.query));
    },
  );

  router.post(
    '/',
    allow('customer.create'),
    responds({ 201: ZCustomerSaved }),
    validate('body', ZCustomerInput),
    async (req, res) => {
      respond(res, ZCustomerSaved, { customer: await createCustomer(req, res.locals.body) }, 201);
    },
  );

  router.post(
    '/import/analyze',
    allow('customer.import'),
    responds({ 200: ZCustomerImportAnalysis }),
    csvUpload,
    async (req, res) => {
      respond(res, ZCustomerImportAnalysis, await analyzeImport(req, req.file?.buffer));
    },
  );

  router.post(
    '/import/dry-run',
    allow('customer.import'),
    responds({ 200: ZCustomerImportResult }),
    csvUpload,
    validate('body', ZCustomerImportRequest),
    async (req, res) => {
      respond(res, ZCustomerImportResult, await dryRunImport(req, req.file?.buffer, res.locals.body.mapping));
    },
  );

  router.post(
    '/import',
    allow('customer.import'),
    responds({ 200: ZCustomerImportResult }),
    csvUpload,
    validate('body', ZCustomerImportRequest),
    async (req, res) => {
      respond(res, ZCustomerImportResult, await runImport(req, req.file?.buffer, res.locals.body.mapping));
    },
  );

  router.post('/view-as/end', allow('customer.viewAs'), responds({ 200: ZViewAsEnded }), async (req, res) => {
    const ended = await stopViewingAs(req);
    clearViewAsCookie(req, res);
    respond(res, ZViewAsEnded, ended);
  });

  router.get('/:customerId', allow('customer.read'), responds({ 200: ZCustomerDetail }), async (req, res) => {
    respond(res, ZCustomerDetail, await getCustomer(req, String(req.params.customerId)));
  });

  router.patch(
    '/:customerId',
    allow('customer.update'),
    responds({ 200: ZCustomerSaved }),
    validate('body', ZCustomerUpdate),
    async (req, res) => {
      respond(res, ZCustomerSaved, {
        customer: await updateCustomer(req, String(req.params.customerId), res.locals.body),
      });
    },
  );

  router.post('/:customerId/view-as', allow('customer.viewAs'), responds({ 201: ZViewAsStarted }), async (req, res) => {
    const { token, view } = await startViewingAs(req, String(req.params.customerId));
    setViewAsCookie(req, res, token, new Date(view.expiresAt));
    respond(res, ZViewAsStarted, view, 201);
  });

  router.post(
    '/:customerId/portal-invite',
    allow('customer.invite'),
    responds({ 202: ZPortalInviteResponse }),
    validate('body', ZPortalInviteRequest),
    async (req, res) => {
      const sent = await inviteCustomerToPortal(
        deps,
        req.tenant,
        staffActorOf(req),
        String(req.params.customerId),
        res.locals.body,
      );
      respond(res, ZPortalInviteResponse, sent, 202);
    },
  );

  router.post(
    '/:customerId/portal-access',
    allow('customer.portalAccess'),
    responds({ 200: ZPortalAccessResponse }),
    validate('body', ZPortalAccessUpdate),
    async (req, res) => {
      const changed = await changePortalAccess(deps.auth, req, String(req.params.customerId), res.locals.body);
      respond(res, ZPortalAccessResponse, changed);
    },
  );

  router.patch(
    '/:customerId/service-status',
    allow('customer.serviceStatus'),
    responds({ 200: ZServiceStatusResponse }),
    validate('body', ZServiceStatusUpdate),
    async (req, res) => {
      respond(
        res,
        ZServiceStatusResponse,
        await changeServiceStatus(req, String(req.params.customerId), res.locals.body),
      );
    },
  );

  return router;
}
