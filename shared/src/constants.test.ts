import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TICKET_LIMITS, UPLOAD_LIMITS, PASSWORD_MIN_LENGTH } from './constants.ts';
import { ZCommentRequest, ZCreateTicketRequest, ZNewPassword } from './index.ts';

describe('@wisp/shared/constants', () => {
  it('imports nothing, so the browser can load it without zod', () => {
    for (const file of ['constants.ts', 'branding/contrast.ts']) {
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
