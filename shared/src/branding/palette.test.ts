import { describe, expect, it } from 'vitest';
import { DEFAULT_BRAND_COLORS } from '../constants.ts';
import { contrastRatio, fromHsl, nearestPassingShade, readableTextOn, toHsl } from './contrast.ts';
import { checkContrast, checkPalette, darkPaletteOf } from './palette.ts';

const base = { ...DEFAULT_BRAND_COLORS };

describe('the contrast guard', () => {
  it('passes the default palette, in light and in the derived dark variant', () => {
    const report = checkContrast(base);
    expect(report.pass).toBe(true);
    expect(report.light.checks.map((c) => c.id)).toEqual(['bodyText', 'buttonText', 'links', 'secondaryText']);
  });

  it('fails a light sky-blue primary for both button text and links, and suggests a darker blue that passes', () => {
    const report = checkPalette({ ...base, primary: '#7dd3fc' });
    expect(report.pass).toBe(false);
    const verdict = report.failing.find((f) => f.field === 'primary')!;
    expect(verdict.checks).toContain('links');
    const shade = verdict.suggestion!;
    expect(contrastRatio(shade, base.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(readableTextOn(shade), shade)).toBeGreaterThanOrEqual(4.5);
    const [h1, s1] = toHsl('#7dd3fc');
    const [h2, s2, l2] = toHsl(shade);
    expect(Math.abs(h1 - h2)).toBeLessThan(3);
    expect(Math.abs(s1 - s2)).toBeLessThan(0.05);
    expect(l2).toBeLessThan(toHsl('#7dd3fc')[2]);
  });

  it('the suggestion is the nearest passing lightness: a step back toward the original fails', () => {
    const passes = (c: string) => contrastRatio(c, '#ffffff') >= 4.5;
    const original = '#9ca3af';
    const shade = nearestPassingShade(original, passes)!;
    expect(passes(shade)).toBe(true);
    const [h, s, l] = toHsl(shade);
    expect(l).toBeLessThan(toHsl(original)[2]);
    expect(passes(fromHsl([h, s, l + 0.01]))).toBe(false);
  });

  it('blames grey body text on grey, and light secondary text, each on its own field', () => {
    const report = checkPalette({ ...base, text: '#9ca3af', textSecondary: '#cbd5e1' });
    expect(report.failing.map((f) => f.field).sort()).toEqual(['text', 'textSecondary']);
    for (const f of report.failing) expect(contrastRatio(f.suggestion!, base.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('leaves a passing colour as it is', () => {
    expect(nearestPassingShade('#1d4ed8', (c) => contrastRatio(c, '#ffffff') >= 4.5)).toBe('#1d4ed8');
  });

  it('derives a dark palette whose every pair reads at AA', () => {
    for (const primary of ['#1d4ed8', '#166534', '#fde047', '#7c3aed']) {
      const dark = darkPaletteOf({ ...base, primary });
      expect(contrastRatio(dark.text, dark.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(dark.primary, dark.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(dark.textSecondary, dark.background)).toBeGreaterThanOrEqual(4.5);
      expect(checkPalette(dark).pass, primary).toBe(true);
    }
  });

  it('a palette nothing can fix reports no suggestion rather than a wrong one', () => {
    // Mid-grey background: neither white nor black button text reaches 4.5 on every primary nearby, but
    // links still have a passing shade; the guard must never invent a failing one.
    const report = checkPalette({ ...base, background: '#777777', primary: '#777777' });
    for (const f of report.failing) {
      if (f.suggestion)
        expect(
          checkPalette({ ...base, background: '#777777', [f.field]: f.suggestion }).failing.map((x) => x.field),
        ).not.toContain(f.field);
    }
  });
});

describe('the offered fonts', () => {
  it('accepts every offered stack and the seeded system stacks, refuses fonts the portal does not serve', async () => {
    const { BRAND_FONTS, isOfferedFontStack } = await import('../constants.ts');
    for (const f of BRAND_FONTS) expect(isOfferedFontStack(f.stack), f.stack).toBe(true);
    expect(isOfferedFontStack('Georgia, serif')).toBe(true);
    expect(isOfferedFontStack('system-ui, sans-serif')).toBe(true);
    expect(isOfferedFontStack('"Comic Neue", sans-serif')).toBe(false);
    expect(isOfferedFontStack('Inter, "Papyrus"')).toBe(false);
  });
});
