/** Numbers, money and dates in the reader's language; dates in the tenant's timezone (where the WISP is). */
export function formatMoney(amount: number, locale: string, currency = 'USD'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
}

/** A calendar date (`YYYY-MM-DD`, e.g. the next bill): the same day for every reader and tenant timezone. */
export { formatCalendarDate } from '@wisp/shared/constants';

export function formatDate(iso: string | null | undefined, locale: string, timeZone: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(d);
}

export function formatDateTime(iso: string | null | undefined, locale: string, timeZone: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}

export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}
