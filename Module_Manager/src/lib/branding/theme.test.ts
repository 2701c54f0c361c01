import { describe, expect, it } from 'vitest';
import type { TBranding } from '@wisp/shared';
import { contrastRatio } from '@wisp/shared/branding/contrast';
import { DEFAULT_BRAND_COLORS } from '@wisp/shared/constants';
import { brandStylesheet, brandVariables } from './theme.ts';

const branding = (colors: Partial<TBranding['colors']>, typography: TBranding['typography'] = {}): TBranding => ({
  logo: {},
  colors: {
    ...DEFAULT_BRAND_COLORS,
    ...colors,
  },
  typography,
  company: { name: 'X LLC', displayName: 'X' },
  portal: { enableCustomDomain: false },
  features: { enableFAQ: true, enableServiceStatus: true, enableLiveChat: false, enableKnowledgeBase: true },
});

describe('brandVariables', () => {
  it('picks the text colour on the primary by measured contrast, for dark and light brands', () => {
    expect(brandVariables(branding({ primary: '#166534' }))['--brand-on-primary']).toBe('#ffffff');
    expect(brandVariables(branding({ primary: '#fde047' }))['--brand-on-primary']).toBe('#111827');
  });

  it('darkens a pale brand colour until links read at 4.5:1 on white', () => {
    const link = brandVariables(branding({ primary: '#fde047' }))['--brand-link']!;
    expect(contrastRatio(link, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('never lets an invalid colour or unsafe font reach the stylesheet', () => {
    const bad = branding(
      { primary: 'red;}</style><script>' as string, background: 'url(x)' as string },
      { fontFamily: 'x;} body{display:none' },
    );
    const css = brandStylesheet(bad);
    expect(css).not.toMatch(/<|url\(|display:none|script/);
    expect(brandVariables(bad)['--brand-primary']).toBe('#1d4ed8');
  });

  it('falls back per field: a bad stored accent gets the default accent, the tenant primary is kept', () => {
    const vars = brandVariables(branding({ primary: '#166534', accent: 'red;}body{display:none}' }));
    expect(vars['--brand-accent']).toBe('#f59e0b');
    expect(vars['--brand-primary']).toBe('#166534');
  });

  it('keeps a safe tenant font list and falls back to the system stack otherwise', () => {
    expect(
      brandVariables(branding({}, { fontFamily: '"Source Sans 3", Arial, sans-serif' }))['--brand-font-family'],
    ).toBe('"Source Sans 3", Arial, sans-serif');
    expect(brandVariables(branding({}, {}))['--brand-font-family']).toContain('system-ui');
  });

  it('applies the palette only outside high-contrast mode, so that mode wins over any tenant palette', () => {
    expect(brandStylesheet(branding({}))).toMatch(/^:root:not\(\[data-contrast='high'\]\)\{/);
  });
});
