import { describe, expect, it } from 'vitest';
import { openingStateAt } from './support-hours.ts';

const weekdays = (opens: string, closes: string) => [1, 2, 3, 4, 5].map((day) => ({ day, opens, closes }));
// Prairie Sky: Mon–Fri 08–18, Sat 09–13 (America/Chicago, UTC-6 in November).
const chicagoHours = [...weekdays('08:00', '18:00'), { day: 6, opens: '09:00', closes: '13:00' }];
// Summit Ridge: Mon–Fri 07–19, Sat 08–16, Sun 10–14 (America/Denver, UTC-7 in November).
const denverHours = [...weekdays('07:00', '19:00'), { day: 6, opens: '08:00', closes: '16:00' }, { day: 0, opens: '10:00', closes: '14:00' }];

describe('openingStateAt (fixed clock, tenant timezone)', () => {
  it('is closed at 18:30 Thursday in Chicago although it is already Friday 00:30 in UTC, and opens Friday 08:00 local', () => {
    const state = openingStateAt(chicagoHours, 'America/Chicago', new Date('2026-11-27T00:30:00Z'));
    expect(state).toEqual({ openNow: false, closesAt: null, nextOpening: { day: 5, time: '08:00', at: '2026-11-27T14:00:00.000Z' } });
  });

  it('is open at 18:30 Thursday in Denver (closes 19:00) while UTC is already Friday 01:30', () => {
    const state = openingStateAt(denverHours, 'America/Denver', new Date('2026-11-27T01:30:00Z'));
    expect(state).toEqual({ openNow: true, closesAt: '19:00', nextOpening: null });
  });

  it('the same instant gives different answers in the two timezones', () => {
    const at = new Date('2026-11-27T00:30:00Z'); // Thu 18:30 Chicago, Thu 17:30 Denver
    expect(openingStateAt(chicagoHours, 'America/Chicago', at).openNow).toBe(false);
    expect(openingStateAt(chicagoHours, 'America/Denver', at).openNow).toBe(true);
  });

  it('opening time is inclusive and closing time exclusive', () => {
    expect(openingStateAt(chicagoHours, 'America/Chicago', new Date('2026-11-26T14:00:00Z')).openNow).toBe(true); // Thu 08:00
    expect(openingStateAt(chicagoHours, 'America/Chicago', new Date('2026-11-27T00:00:00Z')).openNow).toBe(false); // Thu 18:00
    expect(openingStateAt(chicagoHours, 'America/Chicago', new Date('2026-11-26T23:59:00Z')).closesAt).toBe('18:00'); // Thu 17:59
  });

  it('before opening on a working day, the next opening is the same morning', () => {
    const state = openingStateAt(chicagoHours, 'America/Chicago', new Date('2026-11-25T12:00:00Z')); // Wed 06:00
    expect(state.nextOpening).toEqual({ day: 3, time: '08:00', at: '2026-11-25T14:00:00.000Z' });
  });

  it('after Saturday closing, skips the closed Sunday to Monday 08:00', () => {
    const state = openingStateAt(chicagoHours, 'America/Chicago', new Date('2026-11-28T20:00:00Z')); // Sat 14:00
    expect(state).toEqual({ openNow: false, closesAt: null, nextOpening: { day: 1, time: '08:00', at: '2026-11-30T14:00:00.000Z' } });
  });

  it('Denver is open on Sunday at 11:00 local and Chicago is not', () => {
    const at = new Date('2026-11-29T18:00:00Z'); // Sun 11:00 Denver, 12:00 Chicago
    expect(openingStateAt(denverHours, 'America/Denver', at)).toMatchObject({ openNow: true, closesAt: '14:00' });
    expect(openingStateAt(chicagoHours, 'America/Chicago', at).openNow).toBe(false);
  });

  it('with no hours at all it is never open and has no next opening', () => {
    expect(openingStateAt([], 'America/Chicago', new Date('2026-11-26T15:00:00Z'))).toEqual({ openNow: false, closesAt: null, nextOpening: null });
  });
});
