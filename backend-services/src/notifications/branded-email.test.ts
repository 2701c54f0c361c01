import { describe, expect, it } from 'vitest';
import type { TBranding } from '@wisp/shared';
import { renderBrandedEmail } from './branded-email.ts';

const tenantIn = (primary: string) => ({
  branding: {
    colors: { primary },
    company: { name: 'Acme', displayName: 'Acme Wireless' },
    logo: {},
  } as unknown as TBranding,
});

const headerColours = (html: string) => /<td style="background:([^;]+);color:([^;]+);/.exec(html)?.slice(1, 3);

describe('branded email colours', () => {
  it('writes white on a 3-digit dark blue (#00f), which it once read as green 00f000', () => {
    const { html } = renderBrandedEmail(tenantIn('#00f'), { heading: 'Hello', paragraphs: ['Hi'] });
    expect(headerColours(html)).toEqual(['#00f', '#ffffff']);
  });

  it('writes near-black on a light brand colour and white on a dark one', () => {
    const light = renderBrandedEmail(tenantIn('#fde047'), { heading: 'Hello', paragraphs: [] });
    const dark = renderBrandedEmail(tenantIn('#166534'), { heading: 'Hello', paragraphs: [] });
    expect(headerColours(light.html)).toEqual(['#fde047', '#111827']);
    expect(headerColours(dark.html)).toEqual(['#166534', '#ffffff']);
  });
});
