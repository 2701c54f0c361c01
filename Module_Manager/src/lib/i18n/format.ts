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

export type TPostalAddress = {
  street?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
};

/**
 * One address as lines, the way the post writes it in the WISPs' country: "Lincoln, NE 68066" on one line
 * (the state and ZIP belong together), the country only when given.
 */
export function formatAddressLines(a: TPostalAddress | null | undefined): string[] {
  if (!a) return [];
  const clean = (s: string | null | undefined) => s?.trim() ?? '';
  const region = [clean(a.state), clean(a.postalCode)].filter(Boolean).join(' ');
  const locality = [clean(a.city), region].filter(Boolean).join(', ');
  return [clean(a.street), locality, clean(a.country)].filter(Boolean);
}
