import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { formatBytes, formatRelative } from './format';

const NOW = Date.parse('2026-12-02T15:00:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();
const HOUR = 3600;
const DAY = 86400;
const inLocale = (locale: 'en' | 'es') => overwriteGetLocale(() => locale);

afterEach(() => inLocale('en'));

describe('formatRelative: one wording for one moment', () => {
  it('says the same for every time of the same day a week back (never "last week" beside "7 days ago")', () => {
    inLocale('en');
    const texts = new Set([7 * DAY, 7 * DAY + 5 * HOUR, 7 * DAY + 23 * HOUR].map((s) => formatRelative(ago(s), NOW)));
    expect([...texts]).toEqual(['7 days ago']);
    // 6.6 days used to round up to "7 days ago" while 7.0 days read "last week".
    expect(formatRelative(ago(6.6 * DAY), NOW)).toBe('6 days ago');
  });

  it('counts whole units: minutes, hours, yesterday, days up to two weeks, then weeks and months', () => {
    inLocale('en');
    expect(formatRelative(ago(20), NOW)).toBe('now');
    expect(formatRelative(ago(59 * 60), NOW)).toBe('59 minutes ago');
    expect(formatRelative(ago(2 * HOUR + 40 * 60), NOW)).toBe('2 hours ago');
    expect(formatRelative(ago(DAY + HOUR), NOW)).toBe('yesterday');
    expect(formatRelative(ago(13 * DAY), NOW)).toBe('13 days ago');
    expect(formatRelative(ago(15 * DAY), NOW)).toBe('2 weeks ago');
    expect(formatRelative(ago(60 * DAY), NOW)).toBe('2 months ago');
    expect(formatRelative(new Date(NOW + (3 * DAY + HOUR) * 1000).toISOString(), NOW)).toBe('in 3 days');
  });

  it('speaks Spanish', () => {
    inLocale('es');
    expect(formatRelative(ago(7 * DAY + 5 * HOUR), NOW)).toBe('hace 7 días');
    expect(formatRelative(ago(DAY + HOUR), NOW)).toBe('ayer');
  });
});

describe('formatBytes: every file size in one style, in the reader’s language', () => {
  it('shows kilobytes under 1000 kB and megabytes with one decimal above', () => {
    inLocale('en');
    expect(formatBytes(200)).toBe('1 kB');
    expect(formatBytes(820 * 1024)).toBe('820 kB');
    expect(formatBytes(1023 * 1024)).toBe('1 MB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
  });

  it('uses the decimal comma in Spanish', () => {
    inLocale('es');
    expect(formatBytes(1.2 * 1024 * 1024)).toBe('1,2 MB');
  });
});

describe('plural messages (paraglide plural selector)', () => {
  it('says "1 result" and "2 results", in both languages', () => {
    inLocale('en');
    expect(m.support_faq_results({ count: 1, n: '1', query: 'wifi' })).toBe('1 result for “wifi”');
    expect(m.support_faq_results({ count: 2, n: '2', query: 'wifi' })).toBe('2 results for “wifi”');
    expect(m.dash_open_tickets({ count: 1, n: '1' })).toBe('1 open ticket');
    inLocale('es');
    expect(m.support_faq_results({ count: 1, n: '1', query: 'wifi' })).toBe('1 resultado para «wifi»');
    expect(m.dash_open_tickets({ count: 3, n: '3' })).toBe('3 tickets abiertos');
  });
});
