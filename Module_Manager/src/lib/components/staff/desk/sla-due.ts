import type { TTicketSla } from '@wisp/shared';

export type SlaTone = 'overdue' | 'soon' | 'paused' | 'later';

/** The same hour the backend's breaching view uses: due within the next business hour. */
export const BREACHING_SOON_MINUTES = 60;

export function slaTone(sla: TTicketSla): SlaTone {
  if (sla.paused) return 'paused';
  if (sla.dueInMinutes <= 0) return 'overdue';
  if (sla.dueInMinutes <= BREACHING_SOON_MINUTES) return 'soon';
  return 'later';
}

/** `35m`, `2h 10m`, `26h` (business time: whole hours once past a day, where minutes stop mattering). */
export function formatBusinessMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const min = minutes % 60;
  if (h === 0) return `${min}m`;
  if (h >= 24 || min === 0) return `${h}h`;
  return `${h}h ${min}m`;
}
