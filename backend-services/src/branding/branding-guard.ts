import type { TBranding } from '@wisp/shared';
import { checkContrast, CONTRAST_CHECK_LABELS, type PaletteReport } from '@wisp/shared/branding/palette';
import { reviewCustomCss } from '../tenants/custom-css.ts';

/**
 * `{ "colors.primary": "…" }` for every colour the contrast guard fails, in light or in the derived dark
 * variant, each naming the checks and the nearest passing shade of the admin's own colour.
 */
export function contrastProblems(colors: TBranding['colors']): Record<string, string> {
  const report = checkContrast(colors);
  const out: Record<string, string> = {};
  const describe = (palette: PaletteReport, mode: string) => {
    for (const f of palette.failing) {
      const key = `colors.${f.field}`;
      const what = f.checks
        .map((id) => {
          const c = palette.checks.find((x) => x.id === id)!;
          return `${CONTRAST_CHECK_LABELS[id].toLowerCase()} is ${c.ratio.toFixed(2)}:1 (needs ${c.required}:1)`;
        })
        .join('; ');
      const fix = f.suggestion
        ? mode === 'light'
          ? ` Nearest passing shade: ${f.suggestion}.`
          : ' Choose a colour that also reads on a dark background.'
        : ' No shade of this colour passes; choose another colour.';
      out[key] ??= `${mode === 'light' ? '' : 'Dark mode: '}${capitalise(what)}.${fix}`;
    }
  };
  describe(report.light, 'light');
  describe(report.dark, 'dark');
  return out;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `{ "portal.customCSS": "…" }` when the custom CSS tries to load, run or escape, or cannot be read. */
export function cssProblems(branding: TBranding): Record<string, string> | null {
  const hostile = reviewCustomCss(branding.portal.customCSS).rejected.filter((r) => r.hostile);
  if (!hostile.length) return null;
  const list = hostile.map((r) => `${r.line ? `line ${r.line}: ` : ''}${r.rule} — ${r.reason}`).join('; ');
  return { 'portal.customCSS': `Refused: ${list}`.slice(0, 1000) };
}
