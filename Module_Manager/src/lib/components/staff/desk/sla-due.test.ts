import { describe, expect, it } from 'vitest';
import { formatBusinessMinutes, slaTone } from './sla-due';

const sla = (dueInMinutes: number, paused = false) => ({
  target: 'first-response' as const,
  dueInMinutes,
  dueAt: null,
  paused,
});

describe('the queue row clock', () => {
  it('reads overdue at zero and below, soon within the hour, later beyond, paused whatever is left', () => {
    expect(slaTone(sla(-35))).toBe('overdue');
    expect(slaTone(sla(0))).toBe('overdue');
    expect(slaTone(sla(60))).toBe('soon');
    expect(slaTone(sla(61))).toBe('later');
    expect(slaTone(sla(-5, true))).toBe('paused');
  });

  it('writes business time as minutes, hours and minutes, or whole hours past a day', () => {
    expect(formatBusinessMinutes(35)).toBe('35m');
    expect(formatBusinessMinutes(130)).toBe('2h 10m');
    expect(formatBusinessMinutes(120)).toBe('2h');
    expect(formatBusinessMinutes(26 * 60 + 5)).toBe('26h');
  });
});
