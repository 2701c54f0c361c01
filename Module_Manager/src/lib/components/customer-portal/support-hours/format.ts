import { getLocale } from '$lib/paraglide/runtime';

/** Day name for 0 = Sunday … 6 = Saturday, in the reader's language (7 Jan 2024 was a Sunday). */
export function dayName(day: number, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(getLocale(), { weekday: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 7 + day)),
  );
}

/** A tenant-local wall-clock time 'HH:MM' written the reader's way (17:00 / 5:00 PM). */
export function wallTime(hhmm: string): string {
  const [h, mi] = hhmm.split(':').map(Number);
  return new Intl.DateTimeFormat(getLocale(), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 7, h, mi)),
  );
}
