import { describe, expect, it } from 'vitest';
import { ZAssetUrl, ZFontFamily, ZHexColor } from './branding.schema.ts';

describe('branding values that may reach CSS', () => {
  it('accepts hex colours only', () => {
    expect(ZHexColor.safeParse('#1d4ed8').success).toBe(true);
    expect(ZHexColor.safeParse('#abc').success).toBe(true);
    for (const bad of ['red', 'rgb(0,0,0)', '#1d4ed8;background:url(x)', '#12345', 'expression(alert(1))']) {
      expect(ZHexColor.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('accepts plain font lists and rejects anything that could break out of a declaration', () => {
    expect(ZFontFamily.safeParse('"Source Sans 3", Arial, sans-serif').success).toBe(true);
    expect(ZFontFamily.safeParse('Georgia, serif').success).toBe(true);
    for (const bad of ['Arial; } body { display:none', 'x</style><script>', 'url(https://evil)', "'a\\'b'"]) {
      expect(ZFontFamily.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('accepts same-site paths and https URLs for logos, nothing else', () => {
    expect(ZAssetUrl.safeParse('/branding/prairiesky/logo.svg').success).toBe(true);
    expect(ZAssetUrl.safeParse('https://cdn.example.com/logo.png').success).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'data:image/svg+xml,<svg>',
      'http://example.com/a.png',
      '//evil.example/x.png',
    ]) {
      expect(ZAssetUrl.safeParse(bad).success, bad).toBe(false);
    }
  });
});
