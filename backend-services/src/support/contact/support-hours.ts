/**
 * Opening hours in the tenant's timezone, computed on the server so every visitor (whatever their own
 * clock or zone) sees the same answer. `Intl.DateTimeFormat` gives the tenant-local wall time.
 */
export type WeeklyWindow = { day: number; opens: string; closes: string };
export type OpeningState = {
  openNow: boolean;
  closesAt: string | null;
  nextOpening: { day: number; time: string; at: string } | null;
};

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export type WallClock = { year: number; month: number; day: number; weekday: number; minutes: number };

/** Building a formatter costs far more than using one, and the SLA clock asks many times per request. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    weekday: WEEKDAYS.indexOf(get('weekday')),
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

export const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Minutes the zone is ahead of UTC at `instant`. */
function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, Math.floor(w.minutes / 60), w.minutes % 60);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant at which the tenant's wall clock shows `minutes` on the local date `daysAhead` after `from`. */
export function instantOfWallTime(from: WallClock, daysAhead: number, minutes: number, timeZone: string): Date {
  const wallAsUtc = Date.UTC(from.year, from.month - 1, from.day + daysAhead, Math.floor(minutes / 60), minutes % 60);
  let guess = wallAsUtc - zoneOffsetMinutes(new Date(wallAsUtc), timeZone) * 60_000;
  guess = wallAsUtc - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** Midnight of `now`'s date on the tenant's wall clock: where "today" starts for the tenant. */
export function startOfTenantDay(now: Date, timeZone: string): Date {
  return instantOfWallTime(wallClockAt(now, timeZone), 0, 0, timeZone);
}

/** Windows whose closing time is not after the opening time are ignored (no overnight windows). */
export function openingStateAt(hours: WeeklyWindow[], timeZone: string, now: Date): OpeningState {
  const windows = hours
    .filter((w) => w.day >= 0 && w.day <= 6 && toMinutes(w.closes) > toMinutes(w.opens))
    .sort((a, b) => toMinutes(a.opens) - toMinutes(b.opens));
  const local = wallClockAt(now, timeZone);
  const openWindow = windows.find(
    (w) => w.day === local.weekday && toMinutes(w.opens) <= local.minutes && local.minutes < toMinutes(w.closes),
  );
  if (openWindow) return { openNow: true, closesAt: openWindow.closes, nextOpening: null };

  for (let daysAhead = 0; daysAhead <= 7; daysAhead++) {
    const weekday = (local.weekday + daysAhead) % 7;
    const next = windows.find((w) => w.day === weekday && (daysAhead > 0 || toMinutes(w.opens) > local.minutes));
    if (next) {
      const at = instantOfWallTime(local, daysAhead, toMinutes(next.opens), timeZone);
      return { openNow: false, closesAt: null, nextOpening: { day: weekday, time: next.opens, at: at.toISOString() } };
    }
  }
  return { openNow: false, closesAt: null, nextOpening: null };
}
