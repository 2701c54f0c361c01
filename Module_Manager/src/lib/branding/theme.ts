import { ZFontFamily, ZHexColor, type TBranding } from '@wisp/shared';
import { ensureContrast, mix, readableTextOn, WHITE } from '@wisp/shared/branding/contrast';
import { DEFAULT_BRAND_COLORS } from '@wisp/shared/constants';

const SYSTEM_FONTS = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** A colour only reaches CSS after it parsed as a hex colour; otherwise our neutral default is kept. */
function colour(value: string | undefined, fallback: string): string {
  const parsed = ZHexColor.safeParse(value);
  return parsed.success ? parsed.data.toLowerCase() : fallback;
}

/** A font list only reaches CSS in the shared safe form (names, quotes, commas); else the system stack. */
function font(value: string | undefined, fallback: string): string {
  const parsed = ZFontFamily.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

/**
 * The tenant's palette as CSS custom properties, with the shades we derive instead of asking for more
 * colours: text on the primary colour by measured contrast, hover/tint mixed from it, and a link colour
 * darkened until it reads at 4.5:1 on the white surface.
 */
export function brandVariables(branding: TBranding): Record<string, string> {
  const c = branding.colors;
  const primary = colour(c.primary, DEFAULT_BRAND_COLORS.primary);
  const background = colour(c.background, DEFAULT_BRAND_COLORS.background);
  const text = ensureContrast(colour(c.text, DEFAULT_BRAND_COLORS.text), background, 7);
  const base = font(branding.typography.fontFamily, SYSTEM_FONTS);
  return {
    '--brand-primary': primary,
    '--brand-on-primary': readableTextOn(primary),
    '--brand-primary-hover': mix(primary, '#000000', 0.15),
    '--brand-primary-tint': mix(primary, WHITE, 0.9),
    '--brand-link': ensureContrast(primary, WHITE, 4.5),
    '--brand-secondary': colour(c.secondary, DEFAULT_BRAND_COLORS.secondary),
    '--brand-accent': colour(c.accent, DEFAULT_BRAND_COLORS.accent),
    '--brand-background': background,
    '--brand-text': text,
    '--brand-text-secondary': ensureContrast(colour(c.textSecondary, DEFAULT_BRAND_COLORS.textSecondary), WHITE, 4.5),
    '--brand-font-family': base,
    '--brand-heading-font': font(branding.typography.headingFont, base),
    '--brand-body-font': font(branding.typography.bodyFont, base),
  };
}

/** `:root { … }` (not in high-contrast mode, which must win over any palette) for a `<style>` in the first HTML: every value above is validated, `<` can not occur. */
export function brandStylesheet(branding: TBranding): string {
  const body = Object.entries(brandVariables(branding))
    .map(([name, value]) => `${name}:${value};`)
    .join('');
  return `:root:not([data-contrast='high']){${body}}`.replace(/</g, '\\3c ');
}
