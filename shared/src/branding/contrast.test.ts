import { describe, expect, it } from 'vitest';
import { contrastRatio, ensureContrast, mix, parseHex, readableTextOn } from './contrast.ts';

describe('tenant colour arithmetic', () => {
  it('measures WCAG contrast: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1d4ed8', '#1d4ed8')).toBeCloseTo(1, 5);
  });

  it('puts white text on a dark brand colour and dark text on a light one', () => {
    expect(readableTextOn('#1d4ed8')).toBe('#ffffff');
    expect(readableTextOn('#166534')).toBe('#ffffff');
    expect(readableTextOn('#fde047')).toBe('#111827');
  });

  it('darkens a too-light brand colour until links on white reach 4.5:1', () => {
    const link = ensureContrast('#7dd3fc', '#ffffff', 4.5);
    expect(contrastRatio(link, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(ensureContrast('#1d4ed8', '#ffffff', 4.5)).toBe('#1d4ed8');
  });

  it('derives shades by mixing, and accepts 3-digit hex', () => {
    expect(mix('#ffffff', '#000000', 0.5)).toBe('#808080');
    expect(parseHex('#fff')).toEqual([255, 255, 255]);
    expect(() => parseHex('red')).toThrow();
  });
});
