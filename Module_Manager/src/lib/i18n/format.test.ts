import { describe, expect, it } from 'vitest';
import { formatAddressLines, formatCalendarDate, formatDate, formatMoney } from './format.ts';

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
  it('formats a bill date as the day it is, whatever the tenant timezone (no "December 31" for 2027-01-01)', () => {
    for (const tz of ['Pacific/Auckland', 'America/Los_Angeles', 'America/Chicago']) {
      expect(formatCalendarDate('2027-01-01', 'en'), tz).toBe('January 1, 2027');
      // What the dashboard did before: the date read as an instant, shown in the tenant timezone.
      if (tz !== 'Pacific/Auckland') expect(formatDate('2027-01-01', 'en', tz)).toBe('December 31, 2026');
    }
    expect(formatCalendarDate('2027-01-01', 'es')).toBe('1 de enero de 2027');
  });
});

describe('formatAddressLines (one address formatter)', () => {
  it('keeps city, state and ZIP on one line: "Lincoln, NE 68066", never "NE / 68066"', () => {
    expect(
      formatAddressLines({ street: '12 Elm St', city: 'Lincoln', state: 'NE', postalCode: '68066', country: null }),
    ).toEqual(['12 Elm St', 'Lincoln, NE 68066']);
  });
  it('leaves out what is missing without stray commas, and adds the country when given', () => {
    expect(formatAddressLines({ street: null, city: 'Lincoln', state: null, postalCode: '68066' })).toEqual([
      'Lincoln, 68066',
    ]);
    expect(formatAddressLines({ street: ' 1 Main ', city: '', state: 'NE', postalCode: null, country: 'US' })).toEqual([
      '1 Main',
      'NE',
      'US',
    ]);
    expect(formatAddressLines(null)).toEqual([]);
  });
});
