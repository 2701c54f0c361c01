import { describe, expect, it } from 'vitest';
import type { TPublicTenant } from '@wisp/shared';
import { portalFeatureLinks } from './support-links';

const tenantWith = (features: Partial<TPublicTenant['branding']['features']>) =>
  ({
    branding: {
      features: {
        enableFAQ: true,
        enableServiceStatus: true,
        enableKnowledgeBase: true,
        enableLiveChat: false,
        ...features,
      },
    },
  }) as unknown as TPublicTenant;

describe('portalFeatureLinks', () => {
  it('shows FAQ and status links when the tenant has them on', () => {
    expect(portalFeatureLinks(tenantWith({})).map((l) => l.key)).toEqual(['service', 'support', 'faq', 'status']);
  });
  it('hides a switched-off feature', () => {
    expect(portalFeatureLinks(tenantWith({ enableServiceStatus: false })).map((l) => l.key)).toEqual([
      'service',
      'support',
      'faq',
    ]);
  });
  it('keeps the FAQ while either the FAQ or the knowledge base is on, and drops it when both are off', () => {
    expect(portalFeatureLinks(tenantWith({ enableFAQ: false })).map((l) => l.key)).toContain('faq');
    expect(
      portalFeatureLinks(tenantWith({ enableFAQ: false, enableKnowledgeBase: false })).map((l) => l.key),
    ).not.toContain('faq');
  });
});
