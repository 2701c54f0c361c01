import { ZPublicBranding, ZPublicTenant, type TPublicBranding, type TPublicTenant } from '@wisp/shared';
import { DEFAULT_BRAND_COLORS } from '@wisp/shared/constants';
import type { TTenantDoc } from './tenant.model.ts';
import { sanitizeCustomCss } from './custom-css.ts';

type WarnLogger = { warn(obj: object, msg: string): void };

/** The portal's neutral palette, used for any stored colour that is not a valid hex colour. */
export const DEFAULT_COLORS: TPublicBranding['colors'] = DEFAULT_BRAND_COLORS;

/**
 * Allowlist of what any visitor of the portal may see about its tenant. Parsing with the shared schema
 * drops every key it does not name, so a field added to the model stays private until added here. The
 * raw custom CSS never leaves: only the stylesheet built from it by the allowlist in `custom-css.ts`.
 */
export function toPublicTenant(tenant: TTenantDoc, log?: WarnLogger): TPublicTenant {
  return ZPublicTenant.parse({
    id: String(tenant._id),
    slug: tenant.slug,
    name: tenant.name,
    timezone: tenant.timezone,
    defaultCountry: tenant.defaultCountry,
    defaultLocale: tenant.defaultLocale,
    branding: safeBrandingOf(tenant, log),
    customCss: sanitizeCustomCss(tenant.branding?.portal?.customCSS),
  });
}

/**
 * The stored branding, checked field by field: a value that does not parse (written around the API,
 * or by an older version) falls back to our default colour, or is left out when optional, and is
 * logged, so one bad field never takes the tenant's portal down.
 */
export function safeBrandingOf(
  tenant: Pick<TTenantDoc, 'branding'> & Partial<Pick<TTenantDoc, 'slug' | 'name'>>,
  log?: WarnLogger,
): TPublicBranding {
  const stored = withoutNulls(tenant.branding ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const first = ZPublicBranding.safeParse(stored);
  if (first.success) return first.data;
  const repaired = structuredClone(stored);
  for (const { path } of first.error.issues) {
    const [group, field] = path.map(String);
    if (group === 'colors') {
      repaired.colors = { ...DEFAULT_COLORS, ...repaired.colors };
      if (field) repaired.colors[field] = DEFAULT_COLORS[field as keyof typeof DEFAULT_COLORS];
    } else if (group && field && repaired[group]) delete repaired[group]![field];
    else if (group) repaired[group] = {};
  }
  log?.warn(
    { tenant: tenant.slug, fields: first.error.issues.map((i) => i.path.join('.')) },
    'stored branding has invalid fields; defaults used for them',
  );
  const second = ZPublicBranding.safeParse(repaired);
  if (second.success) return second.data;
  return ZPublicBranding.parse({
    logo: {},
    colors: DEFAULT_COLORS,
    typography: {},
    company: { name: tenant.name ?? 'Customer portal', displayName: tenant.name ?? 'Customer portal' },
    portal: {},
    features: {},
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
