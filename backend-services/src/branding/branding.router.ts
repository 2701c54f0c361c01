import { Router, type RequestHandler, type Response } from 'express';
import { fileDownload, jsonAs, responds } from '../platform/openapi/responds.ts';
import multer from 'multer';
import {
  ZBrandingPublished,
  ZBrandingDraftResponse,
  ZBrandingImageResponse,
  ZBrandingPatch,
  ZBrandingPublishRequest,
  ZBrandingVersionList,
  ZBrandingVersionParam,
  ZBrandingVersionResponse,
  ZPublicBrandingResponse,
  ZWebManifest,
} from '@wisp/shared';
import { BRANDING_IMAGE_MAX_MB } from '@wisp/shared/constants';
import { allow } from '../platform/access/access.ts';
import { AppError } from '../platform/http/app-error.ts';
import { respond } from '../platform/http/respond.ts';
import { parseOrThrow, validate } from '../platform/http/validate.ts';
import { declareFileUpload } from '../platform/http/file-upload.ts';
import {
  getDraft,
  getPublicBranding,
  getVersion,
  listVersions,
  publishDraft,
  restoreVersion,
  saveDraft,
  type PublishOutcome,
} from './branding.service.ts';
import { findAsset, uploadImage, webManifest } from './branding-assets.service.ts';
import type { ImageKind } from './branding-images.ts';
import type { DomainDeps } from './custom-domain.service.ts';
import { customDomainRoutes } from './custom-domain.router.ts';
import { BRANDING_VERSION_COOKIE, brandingVersionCookie } from '../platform/tenancy/tenant-resolver.ts';

export type BrandingRouterDeps = DomainDeps & {
  /** Drops this process's cached tenant, so the publisher's next page load shows the new branding. */
  forgetTenant(tenantId: string): void;
};

/** `:tenantId` must be the tenant of the host; any other id is a tenant this caller cannot see. */
const sameTenant: RequestHandler = (req, _res, next) => {
  if (req.params.tenantId !== String(req.tenant._id)) throw AppError.notFound();
  next();
};

const readImage: RequestHandler = (req, res, next) => {
  const limitBytes = BRANDING_IMAGE_MAX_MB * 1024 * 1024;
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', 413, `The image is larger than ${BRANDING_IMAGE_MAX_MB} MB.`, {
      file: `The image is larger than ${BRANDING_IMAGE_MAX_MB} MB.`,
    });
  // Refused before reading a byte when the client says how much it sends.
  if (Number(req.headers['content-length']) > limitBytes + 64 * 1024) {
    res.setHeader('Connection', 'close');
    return next(tooLarge());
  }
  multer({ storage: multer.memoryStorage(), limits: { fileSize: limitBytes, files: 1, fields: 5 } }).single('file')(
    req,
    res,
    (err: unknown) => next(err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE' ? tooLarge() : err),
  );
};
const imageUpload = declareFileUpload(readImage, { field: 'file', maxFiles: 1, jsonToo: false });

/** `/api/tenant/:tenantId/branding`: the studio's API (admins), the public branding, and its images. */
export function brandingRouter(deps: BrandingRouterDeps): Router {
  const router = Router({ mergeParams: true });
  router.use(sameTenant);

  const published = (res: Response, tenantId: string, outcome: PublishOutcome, status = 200) => {
    deps.forgetTenant(tenantId);
    // Any backend process seeing this newer version skips its tenant cache for this browser.
    res.cookie(BRANDING_VERSION_COOKIE, brandingVersionCookie(tenantId, outcome.version), {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: 24 * 3600 * 1000,
    });
    respond(res, ZBrandingPublished, outcome, status);
  };

  router.get('/', allow('public'), responds({ 200: ZPublicBrandingResponse }), (req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    respond(res, ZPublicBrandingResponse, getPublicBranding(req));
  });
  router.put(
    '/',
    allow('branding.update'),
    responds({ 200: ZBrandingDraftResponse }),
    validate('body', ZBrandingPatch),
    async (req, res) => {
      respond(res, ZBrandingDraftResponse, await saveDraft(req, res.locals.body));
    },
  );
  router.get('/draft', allow('branding.preview'), responds({ 200: ZBrandingDraftResponse }), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    respond(res, ZBrandingDraftResponse, await getDraft(req));
  });
  router.post(
    '/publish',
    allow('branding.update'),
    responds({ 201: ZBrandingPublished }),
    validate('body', ZBrandingPublishRequest),
    async (req, res) => {
      published(res, String(req.tenant._id), await publishDraft(req), 201);
    },
  );
  router.get('/versions', allow('branding.update'), responds({ 200: ZBrandingVersionList }), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    respond(res, ZBrandingVersionList, await listVersions(req));
  });
  router.get(
    '/versions/:n',
    allow('branding.preview'),
    responds({ 200: ZBrandingVersionResponse }),
    async (req, res) => {
      const n = ZBrandingVersionParam.safeParse(req.params.n);
      if (!n.success) throw AppError.notFound('No such version.');
      res.setHeader('Cache-Control', 'no-store');
      respond(res, ZBrandingVersionResponse, await getVersion(req, n.data));
    },
  );
  router.post(
    '/versions/:n/restore',
    allow('branding.update'),
    responds({ 201: ZBrandingPublished }),
    async (req, res) => {
      const n = parseOrThrow(ZBrandingVersionParam, req.params.n);
      published(res, String(req.tenant._id), await restoreVersion(req, n), 201);
    },
  );
  for (const kind of ['logo', 'favicon'] as const satisfies ImageKind[]) {
    router.post(
      `/${kind}`,
      allow('branding.update'),
      responds({ 201: ZBrandingImageResponse }),
      imageUpload,
      async (req, res) => {
        respond(res, ZBrandingImageResponse, await uploadImage(req, kind, req.file?.buffer), 201);
      },
    );
  }
  router.get('/assets/:file', allow('public'), responds({ 200: fileDownload('image/*') }), async (req, res) => {
    const asset = await findAsset(req.tenant, String(req.params.file));
    res.setHeader('Content-Type', asset.contentType);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.send(asset.data);
  });
  customDomainRoutes(router, deps);
  router.get(
    '/manifest.webmanifest',
    allow('public'),
    responds({ 200: jsonAs('application/manifest+json', ZWebManifest) }),
    (req, res) => {
      res.setHeader('Content-Type', 'application/manifest+json');
      res.setHeader('Cache-Control', 'no-cache');
      // res.json keeps the manifest type set above (it only adds one when none is set).
      res.json(webManifest(req.tenant));
    },
  );
  return router;
}
