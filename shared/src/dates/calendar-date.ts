/**
 * Calendar dates (a bill date, a birthday): a day on the calendar, not an instant. They travel and are
 * stored as `YYYY-MM-DD` strings and are formatted without any timezone arithmetic, so "2027-01-01"
 * reads as January 1 in Auckland and in Los Angeles alike. Zod-free: the browser imports this.
 */
export type TCalendarDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real day written as `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is TCalendarDate {
  if (typeof value !== 'string') return false;
  const match = PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/**
 * The calendar date a stored value stands for. Values written before dates were dates are instants at
 * midnight UTC (the seed and imports wrote `Date.UTC(y, m, d)`), so their UTC day is the date meant;
 * a full ISO string is read the same way. Anything else is `null`.
 */
export function calendarDateFrom(value: unknown): TCalendarDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return null;
  if (isCalendarDate(value)) return value;
  const instant = new Date(value);
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(instant.getTime())
    ? instant.toISOString().slice(0, 10)
    : null;
}

/** The date as the reader says it ("January 1, 2027", "1 de enero de 2027"); '' for a non-date. */
export function formatCalendarDate(
  date: TCalendarDate | null | undefined,
  locale: string,
  dateStyle: 'long' | 'medium' | 'full' = 'long',
): string {
  if (!isCalendarDate(date)) return '';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // Noon UTC formatted in UTC: the same day in every reader's and every tenant's timezone.
  return new Intl.DateTimeFormat(locale, { dateStyle, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** Today's date where the tenant is (for "due today" and for writing a date picked there). */
export function calendarDateIn(timeZone: string, now: Date = new Date()): TCalendarDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}
