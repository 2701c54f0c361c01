import { describe, expect, it } from 'vitest';
import { ZBranding } from '@wisp/shared';
import { DEMO_TENANTS } from '../seed/demo-tenants.ts';
import { DEFAULT_COLORS, safeBrandingOf } from './tenant.views.ts';

const stored = () => structuredClone(ZBranding.parse(DEMO_TENANTS[0]!.branding));

describe('safeBrandingOf', () => {
  it('replaces each bad field on its own and logs a warning naming them', () => {
    const branding = stored();
    branding.colors.primary = 'red;}body{display:none}';
    branding.logo.url = 'javascript:alert(1)';
    const warnings: object[] = [];
    const safe = safeBrandingOf({ slug: 'x', name: 'X', branding }, { warn: (obj) => warnings.push(obj) });
    expect(safe.colors.primary).toBe(DEFAULT_COLORS.primary);
    expect(safe.colors.text).toBe(branding.colors.text);
    expect(safe.logo.url).toBeUndefined();
    expect(warnings).toEqual([{ tenant: 'x', fields: ['logo.url', 'colors.primary'] }]);
  });

  it('a valid branding passes unchanged and logs nothing', () => {
    const warnings: object[] = [];
    const branding = stored();
    const { customCSS: _, ...portal } = branding.portal;
    expect(safeBrandingOf({ slug: 'x', name: 'X', branding }, { warn: (o) => warnings.push(o) })).toEqual({
      ...branding,
      portal,
    });
    expect(warnings).toEqual([]);
  });
});
