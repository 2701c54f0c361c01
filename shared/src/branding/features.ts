/**
 * THE feature-toggle rule, for the API and the pages alike (no zod: the browser may import it). A
 * feature is on only when the tenant's branding says `true`; anything else (missing, false) is off.
 */
export const FEATURES = ['enableFAQ', 'enableServiceStatus', 'enableLiveChat', 'enableKnowledgeBase'] as const;
export type TFeature = (typeof FEATURES)[number];

type WithFeatures = { branding: { features?: Partial<Record<TFeature, boolean | null>> | null } };

export function isFeatureEnabled(tenant: WithFeatures, feature: TFeature): boolean {
  return tenant.branding.features?.[feature] === true;
}

/** The FAQ pages exist when either kind of article is on. */
export const FAQ_FEATURES = ['enableFAQ', 'enableKnowledgeBase'] as const satisfies readonly TFeature[];

export function anyFeatureEnabled(tenant: WithFeatures, features: readonly TFeature[]): boolean {
  return features.some((f) => isFeatureEnabled(tenant, f));
}
