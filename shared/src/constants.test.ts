/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TICKET_LIMITS, UPLOAD_LIMITS, PASSWORD_MIN_LENGTH } from './constants.ts';
import { ZCommentRequest, ZCreateTicketRequest, ZNewPassword } from './index.ts';
import { anyFeatureEnabled, FAQ_FEATURES, isFeatureEnabled } from './branding/features.ts';

describe('@wisp/shared/constants', () => {
  it('imports nothing, so the browser can load it without zod', () => {
    for (const file of ['constants.ts', 'branding/contrast.ts', 'branding/features.ts']) {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(/^\s*import\s/m);
    }
  });

  it('is the limit the schemas enforce: one character under the minimum fails, the minimum passes', () => {
    const ticket = (title: string, description: string) =>
      ZCreateTicketRequest.safeParse({ title, description, category: 'other' }).success;
    const desc = 'd'.repeat(TICKET_LIMITS.descriptionMin);
    expect(ticket('t'.repeat(TICKET_LIMITS.titleMin - 1), desc)).toBe(false);
    expect(ticket('t'.repeat(TICKET_LIMITS.titleMin), desc)).toBe(true);
    expect(ticket('t'.repeat(TICKET_LIMITS.titleMax + 1), desc)).toBe(false);
    expect(ticket('t'.repeat(TICKET_LIMITS.titleMin), 'd'.repeat(TICKET_LIMITS.descriptionMin - 1))).toBe(false);
    expect(ZCommentRequest.safeParse({ body: 'b'.repeat(TICKET_LIMITS.commentMax + 1) }).success).toBe(false);
    expect(ZNewPassword.safeParse('Zq8!'.repeat(3).slice(0, PASSWORD_MIN_LENGTH - 1)).success).toBe(false);
    expect(ZNewPassword.safeParse('Zq8!'.repeat(3).slice(0, PASSWORD_MIN_LENGTH)).success).toBe(true);
    expect(UPLOAD_LIMITS).toEqual({ maxFileMb: 10, maxFiles: 5 });
  });
});

describe('the feature-toggle rule', () => {
  const tenant = (features: Record<string, unknown> | undefined) => ({ branding: { features } }) as never;
  it('is on only for an explicit true: missing, false or null are off', () => {
    expect(isFeatureEnabled(tenant({ enableFAQ: true }), 'enableFAQ')).toBe(true);
    expect(isFeatureEnabled(tenant({ enableFAQ: false }), 'enableFAQ')).toBe(false);
    expect(isFeatureEnabled(tenant({ enableFAQ: null }), 'enableFAQ')).toBe(false);
    expect(isFeatureEnabled(tenant(undefined), 'enableFAQ')).toBe(false);
  });
  it('opens the FAQ pages when either kind of article is on', () => {
    expect(anyFeatureEnabled(tenant({ enableKnowledgeBase: true }), FAQ_FEATURES)).toBe(true);
    expect(anyFeatureEnabled(tenant({ enableFAQ: false, enableKnowledgeBase: false }), FAQ_FEATURES)).toBe(false);
  });
});
