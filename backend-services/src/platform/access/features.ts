import type { RequestHandler } from 'express';
import type { TBranding } from '@wisp/shared';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import { AppError } from '../http/app-error.ts';

export type TFeature = keyof TBranding['features'];

export function isFeatureEnabled(tenant: Pick<TTenantDoc, 'branding'>, feature: TFeature): boolean {
  return tenant.branding.features?.[feature] === true;
}

/**
 * A tenant that switched a feature off has no such pages or endpoints: they answer 404, as if they had
 * never existed. With several features, any one of them being on lets the request through (the
 * service then narrows what it returns to the enabled ones).
 */
export function requireFeature(...features: TFeature[]): RequestHandler {
  return (req, _res, next) => {
    if (!features.some((f) => isFeatureEnabled(req.tenant, f))) throw AppError.notFound();
    next();
  };
}
