import { AA_TEXT, contrastRatio, mix, nearestPassingShade, readableTextOn, WHITE } from './contrast.ts';

/**
 * The contrast guard (no zod: the settings page runs it as the admin types, the API before publishing).
 * Each check pairs a colour the admin chose with what it sits on; the foreground is the one blamed and
 * moved, the background stays as chosen.
 */
export type PaletteColors = {
  primary: string;
  secondary: string;
  accent: string;
  background: string;
  text: string;
  textSecondary: string;
};
export type ColorField = keyof PaletteColors;
export type ContrastCheckId = 'bodyText' | 'buttonText' | 'links' | 'secondaryText';
export type ContrastCheck = {
  id: ContrastCheckId;
  field: ColorField;
  foreground: string;
  background: string;
  ratio: number;
  required: number;
  pass: boolean;
};
export type FieldVerdict = { field: ColorField; checks: ContrastCheckId[]; suggestion: string | null };
export type PaletteReport = { colors: PaletteColors; pass: boolean; checks: ContrastCheck[]; failing: FieldVerdict[] };
export type ContrastReport = { pass: boolean; light: PaletteReport; dark: PaletteReport };

type CheckDef = {
  id: ContrastCheckId;
  field: ColorField;
  pair: (c: PaletteColors) => [foreground: string, background: string];
};

const CHECKS: CheckDef[] = [
  { id: 'bodyText', field: 'text', pair: (c) => [c.text, c.background] },
  // Button labels are white or near-black, whichever reads better: the primary colour must allow one.
  { id: 'buttonText', field: 'primary', pair: (c) => [readableTextOn(c.primary), c.primary] },
  { id: 'links', field: 'primary', pair: (c) => [c.primary, c.background] },
  { id: 'secondaryText', field: 'textSecondary', pair: (c) => [c.textSecondary, c.background] },
];

const round2 = (n: number) => Math.floor(n * 100) / 100;

function runChecks(colors: PaletteColors): ContrastCheck[] {
  return CHECKS.map(({ id, field, pair }) => {
    const [foreground, background] = pair(colors);
    const ratio = contrastRatio(foreground, background);
    return { id, field, foreground, background, ratio: round2(ratio), required: AA_TEXT, pass: ratio >= AA_TEXT };
  });
}

/** Whether every check on `field` passes when `field` takes `value` (the rest of the palette unchanged). */
function fieldPasses(colors: PaletteColors, field: ColorField, value: string): boolean {
  const next = { ...colors, [field]: value };
  return CHECKS.filter((c) => c.field === field).every(({ pair }) => {
    const [fg, bg] = pair(next);
    return contrastRatio(fg, bg) >= AA_TEXT;
  });
}

export function checkPalette(colors: PaletteColors): PaletteReport {
  const checks = runChecks(colors);
  const failingFields = [...new Set(checks.filter((c) => !c.pass).map((c) => c.field))];
  const failing = failingFields.map((field) => ({
    field,
    checks: checks.filter((c) => c.field === field && !c.pass).map((c) => c.id),
    suggestion: nearestPassingShade(colors[field], (v) => fieldPasses(colors, field, v)),
  }));
  return { colors, pass: failing.length === 0, checks, failing };
}

const DARK_SURFACE = '#0b0f17';

/**
 * The palette for dark mode, derived rather than asked for: a near-black surface with a hint of the
 * brand, light text, and the admin's colours moved (same hue) until they read on it.
 */
export function darkPaletteOf(colors: PaletteColors): PaletteColors {
  const background = mix(colors.primary, DARK_SURFACE, 0.92);
  const on = (field: ColorField, start: string) =>
    nearestPassingShade(start, (v) => fieldPasses({ ...colors, background }, field, v)) ?? start;
  return {
    primary: on('primary', colors.primary),
    secondary: colors.secondary,
    accent: colors.accent,
    background,
    text: on('text', mix(colors.background, WHITE, 0.5)),
    textSecondary: on('textSecondary', mix(colors.textSecondary, WHITE, 0.4)),
  };
}

/** The guard's whole answer: the admin's palette and its derived dark variant, both checked. */
export function checkContrast(colors: PaletteColors): ContrastReport {
  const light = checkPalette(colors);
  const dark = checkPalette(darkPaletteOf(colors));
  return { pass: light.pass && dark.pass, light, dark };
}

export const CONTRAST_CHECK_LABELS: Record<ContrastCheckId, string> = {
  bodyText: 'Body text on the background',
  buttonText: 'Button text on the primary colour',
  links: 'Links on the background',
  secondaryText: 'Secondary text on the background',
};
