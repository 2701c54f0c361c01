import { getLocale } from '$lib/paraglide/runtime';

/** A moment as staff read it in lists: date and time in their language. */
export function formatWhen(iso: string): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
}
