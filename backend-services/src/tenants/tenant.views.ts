import { ZPublicTenant, type TPublicTenant } from '@wisp/shared';
import type { TTenantDoc } from './tenant.model.ts';

/**
 * Allowlist of what any visitor of the portal may see about its tenant. Parsing with the shared schema
 * drops every key it does not name, so a field added to the model stays private until added here.
 */
export function toPublicTenant(tenant: TTenantDoc): TPublicTenant {
  return ZPublicTenant.parse({
    slug: tenant.slug,
    name: tenant.name,
    timezone: tenant.timezone,
    defaultCountry: tenant.defaultCountry,
    defaultLocale: tenant.defaultLocale,
    branding: withoutNulls(tenant.branding),
  });
}

/** Mongo stores absent optional values as null; the shared schema expects them absent. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}
