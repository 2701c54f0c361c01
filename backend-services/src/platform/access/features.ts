import type { RequestHandler } from 'express';
import { anyFeatureEnabled, type TFeature } from '@wisp/shared/branding/features';
import { AppError } from '../http/app-error.ts';

export { isFeatureEnabled, type TFeature } from '@wisp/shared/branding/features';

/**
 * A tenant that switched a feature off has no such pages or endpoints: they answer 404, as if they had
 * never existed. With several features, any one of them being on lets the request through (the
 * service then narrows what it returns to the enabled ones).
 */
export function requireFeature(...features: TFeature[]): RequestHandler {
  return (req, _res, next) => {
    if (!anyFeatureEnabled(req.tenant, features)) throw AppError.notFound();
    next();
  };
}
