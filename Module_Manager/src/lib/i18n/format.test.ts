import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from './format.ts';

describe('locale formatting', () => {
  it('formats the monthly fee per language', () => {
    expect(formatMoney(69.99, 'en')).toBe('$69.99');
    expect(formatMoney(69.99, 'es')).toMatch(/69,99\s?US\$/);
  });
  it("formats a date in the tenant's timezone, not the server's", () => {
    // 03:00 UTC on 1 Dec is still 30 Nov in Chicago.
    expect(formatDate('2026-12-01T03:00:00Z', 'en', 'America/Chicago')).toBe('November 30, 2026');
    expect(formatDate('2026-12-01T03:00:00Z', 'es', 'America/Chicago')).toBe('30 de noviembre de 2026');
  });
});
