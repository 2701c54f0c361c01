import { afterEach, describe, expect, it } from 'vitest';
import { calendarDateFrom, calendarDateIn, formatCalendarDate, isCalendarDate } from './calendar-date.ts';
import { ZCalendarDate } from './calendar-date.schema.ts';

// The reader's machine and the tenant can be anywhere: the day must not move in any of them.
const ZONES = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('calendar dates', () => {
  for (const zone of ZONES) {
    describe(`on a machine in ${zone}`, () => {
      it('formats 2027-01-01 as January 1, 2027 (not December 31)', () => {
        process.env.TZ = zone;
        expect(formatCalendarDate('2027-01-01', 'en-US')).toBe('January 1, 2027');
        expect(formatCalendarDate('2027-01-01', 'es')).toBe('1 de enero de 2027');
        expect(formatCalendarDate('2026-12-31', 'en-US', 'medium')).toBe('Dec 31, 2026');
      });

      it('reads a legacy midnight-UTC instant as the day it was written for', () => {
        process.env.TZ = zone;
        expect(calendarDateFrom(new Date(Date.UTC(2027, 0, 1)))).toBe('2027-01-01');
        expect(calendarDateFrom('2027-01-01T00:00:00.000Z')).toBe('2027-01-01');
        expect(calendarDateFrom('2027-01-01')).toBe('2027-01-01');
      });
    });
  }

  it('gives today where the tenant is, which differs across the date line', () => {
    const instant = new Date('2026-12-31T20:00:00Z');
    expect(calendarDateIn('Pacific/Auckland', instant)).toBe('2027-01-01');
    expect(calendarDateIn('America/Los_Angeles', instant)).toBe('2026-12-31');
  });

  it('accepts only real days written as YYYY-MM-DD', () => {
    expect(isCalendarDate('2027-01-01')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2027-1-1')).toBe(false);
    expect(isCalendarDate('2027-01-01T00:00:00Z')).toBe(false);
    expect(ZCalendarDate.safeParse('2027-01-01').success).toBe(true);
    expect(ZCalendarDate.safeParse('2027-01-01T00:00:00.000Z').success).toBe(false);
    expect(calendarDateFrom('next tuesday')).toBeNull();
    expect(calendarDateFrom(new Date('nope'))).toBeNull();
    expect(formatCalendarDate(null, 'en-US')).toBe('');
  });
});
