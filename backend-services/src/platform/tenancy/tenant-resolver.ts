import type { Request, RequestHandler } from 'express';
import { ZTenantSlug } from '@wisp/shared';
import { TenantModel, type TTenantDoc } from '../../tenants/tenant.model.ts';
import { AppError } from '../http/app-error.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express declares its request type this way
  namespace Express {
    interface Request {
      /** Set by the tenant resolver before any /api route runs. */
      tenant: TTenantDoc;
      /**
       * Whether this host serves the staff side: the tenant's platform host (`<slug>.<PLATFORM_DOMAIN>`)
       * or loopback in development, never a tenant's own custom domain (that serves the portal only).
       */
      staffHost: boolean;
    }
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
/**
 * Short, so a branding or domain change shows within seconds on every backend process; the process
 * that published forgets at once, and a request carrying a newer published version skips the cache.
 */
const CACHE_TTL_MS = 3_000;
/** Set on a publisher's response as `<tenantId>:<version>` (see `brandingVersionCookie`). */
export const BRANDING_VERSION_COOKIE = 'wisp_brand_v';
export const brandingVersionCookie = (tenantId: string, version: number) => `${tenantId}:${version}`;

type Lookup = { by: 'domain' | 'subdomain' | 'slug'; value: string };

/**
 * Decides which tenant a request belongs to, from the host alone (custom domain, then subdomain of the
 * platform domain) or, on a bare loopback host in development, from an explicit slug (`?tenant=` or the
 * `portal_tenant` cookie). Nothing here falls back to a default tenant.
 */
export function tenantLookupFor(hostname: string, platformDomain: string, explicitSlug?: string): Lookup | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (LOOPBACK_HOSTS.has(host)) {
    const slug = ZTenantSlug.safeParse(explicitSlug ?? '');
    return slug.success ? { by: 'slug', value: slug.data } : null;
  }
  const suffix = `.${platformDomain.toLowerCase()}`;
  if (host.endsWith(suffix)) {
    const sub = host.slice(0, -suffix.length);
    return ZTenantSlug.safeParse(sub).success ? { by: 'subdomain', value: sub } : null;
  }
  return { by: 'domain', value: host };
}

async function findTenant(lookup: Lookup): Promise<TTenantDoc | null> {
  switch (lookup.by) {
    case 'slug':
      return TenantModel.findOne({ slug: lookup.value }).lean<TTenantDoc>();
    case 'subdomain':
      return TenantModel.findOne({ subdomain: lookup.value }).lean<TTenantDoc>();
    case 'domain':
      return TenantModel.findOne({
        domains: lookup.value,
        'branding.portal.enableCustomDomain': true,
      }).lean<TTenantDoc>();
  }
}

export type TenantResolver = RequestHandler & { clearCache(): void; forget(tenantId: string): void };

export function createTenantResolver(platformDomain: string): TenantResolver {
  const cache = new Map<string, { tenant: TTenantDoc | null; at: number }>();

  const resolver: RequestHandler = async (req, _res, next) => {
    const lookup = tenantLookupFor(req.hostname ?? '', platformDomain, explicitSlugOf(req));
    if (!lookup) throw new AppError('TENANT_NOT_FOUND', 404, 'This portal does not exist.');
    const key = `${lookup.by}:${lookup.value}`;
    let entry = cache.get(key);
    if (!entry || Date.now() - entry.at > CACHE_TTL_MS || seesNewerBranding(req, entry.tenant)) {
      entry = { tenant: await findTenant(lookup), at: Date.now() };
      cache.set(key, entry);
    }
    if (!entry.tenant) throw new AppError('TENANT_NOT_FOUND', 404, 'This portal does not exist.');
    req.tenant = entry.tenant;
    req.staffHost = lookup.by !== 'domain';
    next();
  };
  const forget = (tenantId: string) => {
    // "No such portal" answers go too: the change may be a custom domain that now belongs to this tenant.
    for (const [key, entry] of cache) if (!entry.tenant || String(entry.tenant._id) === tenantId) cache.delete(key);
  };
  return Object.assign(resolver, { clearCache: () => cache.clear(), forget });
}

/** The publisher's browser knows the version it just published; a cached older one is not served to it. */
function seesNewerBranding(req: Request, tenant: TTenantDoc | null): boolean {
  const raw = req.cookies?.[BRANDING_VERSION_COOKIE];
  if (!tenant || typeof raw !== 'string') return false;
  const [tenantId, version] = raw.split(':');
  return tenantId === String(tenant._id) && Number(version) > (tenant.brandingVersion ?? 0);
}

function explicitSlugOf(req: Request): string | undefined {
  const fromQuery = typeof req.query.tenant === 'string' ? req.query.tenant : undefined;
  const fromCookie = typeof req.cookies?.portal_tenant === 'string' ? req.cookies.portal_tenant : undefined;
  return fromQuery ?? fromCookie;
}
