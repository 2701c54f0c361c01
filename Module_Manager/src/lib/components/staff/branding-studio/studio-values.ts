import type { TBranding, TBrandingPatch } from '@wisp/shared';
import type { PaletteColors } from '@wisp/shared/branding/palette';

/** The form's fields, by the name each input carries (`group.field`), as the studio edits them. */
export const COLOR_FIELDS = ['primary', 'secondary', 'accent', 'background', 'text', 'textSecondary'] as const;
export const TYPE_FIELDS = ['fontFamily', 'headingFont', 'bodyFont'] as const;
export const COMPANY_FIELDS = [
  'name',
  'displayName',
  'supportEmail',
  'supportPhone',
  'supportHours',
  'website',
  'address',
] as const;
export const PORTAL_FIELDS = ['welcomeMessage', 'footerText', 'customCSS'] as const;
export const FEATURE_FIELDS = ['enableFAQ', 'enableServiceStatus', 'enableLiveChat', 'enableKnowledgeBase'] as const;

export type StudioValues = {
  altText: string;
  colors: PaletteColors;
  typography: Record<(typeof TYPE_FIELDS)[number], string>;
  company: Record<(typeof COMPANY_FIELDS)[number], string>;
  portal: Record<(typeof PORTAL_FIELDS)[number], string>;
  features: Record<(typeof FEATURE_FIELDS)[number], boolean>;
};

const pick = <K extends string>(keys: readonly K[], from: Record<string, unknown>) =>
  Object.fromEntries(keys.map((k) => [k, typeof from[k] === 'string' ? from[k] : ''])) as Record<K, string>;

export function valuesOf(b: TBranding): StudioValues {
  return {
    altText: b.logo.altText ?? '',
    colors: { ...b.colors },
    typography: pick(TYPE_FIELDS, b.typography),
    company: pick(COMPANY_FIELDS, b.company),
    portal: pick(PORTAL_FIELDS, b.portal),
    features: Object.fromEntries(FEATURE_FIELDS.map((f) => [f, b.features[f] === true])) as StudioValues['features'],
  };
}

/** The draft patch a submitted studio form means: an empty optional text clears the field. */
export function patchFromForm(form: FormData): TBrandingPatch {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  const optional = (name: string) => (text(name).trim() ? text(name) : null);
  const group = <K extends string>(prefix: string, keys: readonly K[], required: readonly string[] = []) =>
    Object.fromEntries(
      keys.map((k) => [k, required.includes(k) ? text(`${prefix}.${k}`) : optional(`${prefix}.${k}`)]),
    );
  return {
    logo: { altText: optional('logo.altText') },
    colors: group('colors', COLOR_FIELDS, COLOR_FIELDS) as TBrandingPatch['colors'],
    typography: group('typography', TYPE_FIELDS) as TBrandingPatch['typography'],
    company: group('company', COMPANY_FIELDS, ['name', 'displayName']) as TBrandingPatch['company'],
    portal: group('portal', PORTAL_FIELDS) as TBrandingPatch['portal'],
    features: Object.fromEntries(FEATURE_FIELDS.map((f) => [f, form.get(`features.${f}`) === 'on'])),
  };
}

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * The branding the preview shows while the admin types: the saved draft with every value that is
 * already valid laid over it (a half-typed colour keeps the saved one until it is a colour).
 */
export function previewBranding(saved: TBranding, v: StudioValues): TBranding {
  const colors = { ...saved.colors };
  for (const f of COLOR_FIELDS) if (HEX.test(v.colors[f].trim())) colors[f] = v.colors[f].trim();
  const orSaved = <T extends Record<string, unknown>>(values: Record<string, string>, base: T): T => {
    const out: Record<string, unknown> = { ...base };
    for (const [k, value] of Object.entries(values)) {
      if (value.trim()) out[k] = value;
      else delete out[k];
    }
    return out as T;
  };
  const company = orSaved(v.company, saved.company);
  return {
    ...saved,
    logo: { ...saved.logo, altText: v.altText || undefined },
    colors,
    typography: orSaved(v.typography, saved.typography),
    company: {
      ...company,
      name: company.name || saved.company.name,
      displayName: company.displayName || saved.company.displayName,
    },
    portal: { ...orSaved({ welcomeMessage: v.portal.welcomeMessage, footerText: v.portal.footerText }, saved.portal) },
    features: { ...saved.features, ...v.features },
  };
}
