import { describe, expect, it } from 'vitest';
import { formatAge } from './age.ts';

describe('formatAge', () => {
  it('reads in minutes, then hours, then days (from two days on)', () => {
    expect(formatAge(0, 'en')).toBe('0 minutes');
    expect(formatAge(59, 'en')).toBe('59 minutes');
    expect(formatAge(61, 'en')).toBe('1 hour');
    expect(formatAge(47 * 60 + 59, 'en')).toBe('47 hours');
    expect(formatAge(50 * 60, 'en')).toBe('2 days');
    expect(formatAge(3 * 1440, 'es')).toBe('3 días');
  });
});
