import { z } from 'zod';

/**
 * The one branding schema: API validation, the settings form and CSS rendering all use it, so a value
 * that reaches a stylesheet has always been parsed as a colour or a safe font list first.
 */
export const ZHexColor = z
  .string()
  .trim()
  .regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, 'Use a hex colour such as #1d4ed8');

/** A CSS font-family list: names of letters, digits, spaces and hyphens, optionally quoted, comma-separated. */
export const ZFontFamily = z
  .string()
  .trim()
  .max(200)
  .regex(
    /^(?:\s*(?:"[A-Za-z0-9 -]+"|'[A-Za-z0-9 -]+'|[A-Za-z0-9-]+(?: [A-Za-z0-9-]+)*)\s*)(?:,\s*(?:"[A-Za-z0-9 -]+"|'[A-Za-z0-9 -]+'|[A-Za-z0-9-]+(?: [A-Za-z0-9-]+)*)\s*)*$/,
    'Use font names separated by commas, e.g. "Source Sans 3", Arial, sans-serif',
  );

/** Same-origin paths or https URLs only: a logo is never loaded from javascript:, data: or plain http. */
export const ZAssetUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => /^\/(?!\/)[\w\-./]*$/.test(v) || /^https:\/\/[\w\-.]+(?::\d+)?\/[\w\-./%]*$/.test(v), {
    message: 'Use a path on this site (/branding/logo.svg) or an https:// address',
  });

export const ZBranding = z.object({
  logo: z.object({
    url: ZAssetUrl.optional(),
    altText: z.string().trim().max(120).optional(),
    favicon: ZAssetUrl.optional(),
    /** Variants the logo pipeline makes from an upload: a PNG for emails, icons for phones and the manifest. */
    emailUrl: ZAssetUrl.optional(),
    touchIcon: ZAssetUrl.optional(),
    icon512: ZAssetUrl.optional(),
  }),
  colors: z.object({
    primary: ZHexColor,
    secondary: ZHexColor,
    accent: ZHexColor,
    background: ZHexColor,
    text: ZHexColor,
    textSecondary: ZHexColor,
  }),
  typography: z.object({
    fontFamily: ZFontFamily.optional(),
    headingFont: ZFontFamily.optional(),
    bodyFont: ZFontFamily.optional(),
  }),
  company: z.object({
    name: z.string().trim().min(1).max(120),
    displayName: z.string().trim().min(1).max(120),
    supportEmail: z.email().optional(),
    supportPhone: z.string().trim().max(40).optional(),
    supportHours: z.string().trim().max(200).optional(),
    website: z.url({ protocol: /^https?$/ }).optional(),
    address: z.string().trim().max(300).optional(),
  }),
  portal: z.object({
    welcomeMessage: z.string().trim().max(500).optional(),
    footerText: z.string().trim().max(300).optional(),
    customCSS: z.string().max(20_000).optional(),
    customDomain: z.string().trim().toLowerCase().max(253).optional(),
    enableCustomDomain: z.boolean().default(false),
  }),
  features: z.object({
    enableFAQ: z.boolean().default(true),
    enableServiceStatus: z.boolean().default(true),
    enableLiveChat: z.boolean().default(false),
    enableKnowledgeBase: z.boolean().default(true),
  }),
});
export type TBranding = z.infer<typeof ZBranding>;
