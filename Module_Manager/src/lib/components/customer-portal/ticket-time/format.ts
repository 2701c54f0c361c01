import { getLocale } from '$lib/paraglide/runtime';

/** Absolute date and time in the tenant's timezone, in the reader's language. */
export function formatDateTime(
  iso: string,
  timeZone: string,
  opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return new Intl.DateTimeFormat(getLocale(), { ...opts, timeZone }).format(new Date(iso));
}

export function formatDate(iso: string, timeZone: string): string {
  return formatDateTime(iso, timeZone, { dateStyle: 'long' });
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

/**
 * "3 hours ago", "yesterday", "9 days ago", "3 weeks ago", "2 months ago" (and "hace 3 horas"…): the one
 * relative-time wording of the portal. Whole units, counted down (floor), and days until two weeks, so the
 * same moment never reads "last week" in one place and "7 days ago" in another.
 */
export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const sign = seconds < 0 ? -1 : 1;
  const abs = Math.abs(seconds);
  const whole = (size: number) => sign * Math.floor(abs / size) || 0;
  const rtf = new Intl.RelativeTimeFormat(getLocale(), { numeric: 'auto', style: 'long' });
  if (abs < MINUTE) return rtf.format(0, 'second');
  if (abs < HOUR) return rtf.format(whole(MINUTE), 'minute');
  if (abs < DAY) return rtf.format(whole(HOUR), 'hour');
  if (abs < 14 * DAY) return rtf.format(whole(DAY), 'day');
  // "numeric: always" from here: "1 week ago" is a span of time, "last week" a calendar week.
  const always = new Intl.RelativeTimeFormat(getLocale(), { numeric: 'always', style: 'long' });
  if (abs < 60 * DAY) return always.format(whole(7 * DAY), 'week');
  if (abs < 365 * DAY) return always.format(whole(30 * DAY), 'month');
  return always.format(whole(365 * DAY), 'year');
}

export function formatNumber(n: number, opts?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(getLocale(), opts).format(n);
}

/** "820 kB", "1.2 MB" ("1,2 MB" in Spanish): every file size of the portal goes through here. */
export function formatBytes(bytes: number): string {
  const kb = Math.max(1, Math.round(bytes / 1024));
  // Never "1,024 kB": from 1000 kB on, megabytes.
  if (kb < 1000) return formatNumber(kb, { style: 'unit', unit: 'kilobyte' });
  return formatNumber(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
}
