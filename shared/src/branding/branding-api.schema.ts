import { z } from 'zod';
import { ZBranding, ZFontFamily } from './branding.schema.ts';
import { isOfferedFontStack } from '../constants.ts';
import { ZPublicBranding } from '../tenants/tenant.schema.ts';

/**
 * The branding studio's operations: a request and a response schema each. The settings form parses
 * with the same `ZBrandingPatch` the API does, so both name the same field for the same mistake.
 */

type Shape = Record<string, z.ZodType>;

/**
 * Every field optional and none defaulted (a patch that leaves a toggle out must not reset it); a field
 * the branding may lack can be cleared with `null`; unknown keys are refused.
 */
function patchOf<S extends Shape>(group: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(group.shape).map(([k, v]) => {
      if (v instanceof z.ZodDefault) return [k, (v.unwrap() as z.ZodType).optional()];
      if (v instanceof z.ZodOptional) return [k, (v.unwrap() as z.ZodType).nullable().optional()];
      return [k, v.optional()];
    }),
  ) as { [K in keyof S]: z.ZodOptional<z.ZodType<z.output<S[K]> | null, z.input<S[K]> | null>> };
  return z.strictObject(shape);
}

const g = ZBranding.shape;
const ZOfferedFont = ZFontFamily.refine(isOfferedFontStack, 'Choose one of the offered fonts');
const typography = z.object({
  fontFamily: ZOfferedFont.optional(),
  headingFont: ZOfferedFont.optional(),
  bodyFont: ZOfferedFont.optional(),
});
/** `PUT /api/tenant/:tenantId/branding`: a partial draft; each group, and each field in it, optional. */
export const ZBrandingPatch = z.strictObject({
  logo: patchOf(g.logo).optional(),
  colors: patchOf(g.colors).optional(),
  typography: patchOf(typography).optional(),
  company: patchOf(g.company).optional(),
  portal: patchOf(g.portal.omit({ customDomain: true, enableCustomDomain: true })).optional(),
  features: patchOf(g.features).optional(),
});
export type TBrandingPatch = z.infer<typeof ZBrandingPatch>;

export const ZContrastCheckId = z.enum(['bodyText', 'buttonText', 'links', 'secondaryText']);
export const ZColorField = z.enum(['primary', 'secondary', 'accent', 'background', 'text', 'textSecondary']);
const ZPaletteReport = z.object({
  colors: ZBranding.shape.colors,
  pass: z.boolean(),
  checks: z.array(
    z.object({
      id: ZContrastCheckId,
      field: ZColorField,
      foreground: z.string(),
      background: z.string(),
      ratio: z.number(),
      required: z.number(),
      pass: z.boolean(),
    }),
  ),
  failing: z.array(
    z.object({ field: ZColorField, checks: z.array(ZContrastCheckId), suggestion: z.string().nullable() }),
  ),
});
export const ZContrastReport = z.object({ pass: z.boolean(), light: ZPaletteReport, dark: ZPaletteReport });
export type TContrastReport = z.infer<typeof ZContrastReport>;

/** One rule of the custom CSS the sanitiser left out, and why, in words an admin can act on. */
export const ZCssRejection = z.object({
  line: z.number().int().nullable(),
  rule: z.string().max(200),
  reason: z.string(),
  /** It tried to load, run or escape (or could not be read): such CSS is refused, not saved. */
  hostile: z.boolean(),
});
export const ZCustomCssVerdict = z.object({ css: z.string(), rejected: z.array(ZCssRejection) });
export type TCustomCssVerdict = z.infer<typeof ZCustomCssVerdict>;

const ZWho = z.object({ email: z.string() }).nullable();

/** The admin's working copy, with what the guard and the sanitiser say about it. */
export const ZBrandingDraftResponse = z.object({
  draft: ZBranding,
  /** The live version number (null: never published through the studio). */
  liveVersion: z.number().int().nullable(),
  /** Whether the draft differs from what is live. */
  unpublished: z.boolean(),
  updatedAt: z.string().datetime().nullable(),
  updatedBy: ZWho,
  contrast: ZContrastReport,
  customCss: ZCustomCssVerdict,
});
export type TBrandingDraftResponse = z.infer<typeof ZBrandingDraftResponse>;

/** `GET /api/tenant/:tenantId/branding`: what the portal renders, as anyone may see it. */
export const ZPublicBrandingResponse = z.object({
  branding: ZPublicBranding,
  customCss: z.string(),
  version: z.number().int().nullable(),
});
export type TPublicBrandingResponse = z.infer<typeof ZPublicBrandingResponse>;

export const ZBrandingVersionSummary = z.object({
  version: z.number().int().min(1),
  publishedAt: z.string().datetime(),
  publishedBy: ZWho,
  /** Set when this version was made by restoring an earlier one. */
  restoredFrom: z.number().int().nullable(),
  live: z.boolean(),
});
export type TBrandingVersionSummary = z.infer<typeof ZBrandingVersionSummary>;
export const ZBrandingVersionList = z.object({ versions: z.array(ZBrandingVersionSummary) });
export type TBrandingVersionList = z.infer<typeof ZBrandingVersionList>;
export const ZBrandingVersionResponse = z.object({
  version: ZBrandingVersionSummary,
  branding: ZBranding,
  /** The stylesheet built from its custom CSS, for previewing it. */
  customCss: z.string(),
});
export type TBrandingVersionResponse = z.infer<typeof ZBrandingVersionResponse>;

/** `POST …/branding/publish` and `POST …/versions/:n/restore` take no body. */
export const ZBrandingPublishRequest = z.strictObject({});
/** After an upload: the draft, and the addresses of the variants made from the image. */
export const ZBrandingImageResponse = ZBrandingDraftResponse.extend({
  uploaded: z.record(z.string(), z.string()),
});
export type TBrandingImageResponse = z.infer<typeof ZBrandingImageResponse>;

export const ZBrandingVersionParam = z.coerce.number().int().min(1).max(1_000_000);

/** Answer of publishing the draft or restoring a version (201): the live version and its branding. */
export const ZBrandingPublished = z.object({ version: z.number().int(), branding: ZBranding });
export type TBrandingPublished = z.infer<typeof ZBrandingPublished>;

/** `GET /api/tenant/:tenantId/branding/manifest.webmanifest`: the installable portal's web app manifest. */
export const ZWebManifest = z.object({
  name: z.string(),
  short_name: z.string(),
  start_url: z.string(),
  scope: z.string(),
  display: z.literal('standalone'),
  theme_color: z.string(),
  background_color: z.string(),
  icons: z.array(z.object({ src: z.string(), sizes: z.string(), type: z.literal('image/png') })),
});
