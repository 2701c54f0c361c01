import type { TSignalQuality } from '@wisp/shared';

/**
 * dBm thresholds for a fixed-wireless CPE link, as support explains them on the phone: good ≥ -65 dBm,
 * fair -65…-75 (inclusive), poor below -75. The one place the bands are decided (service page, tickets).
 */
export function signalQualityOf(dbm: number | null | undefined): TSignalQuality | null {
  if (typeof dbm !== 'number' || !Number.isFinite(dbm)) return null;
  if (dbm >= -65) return 'good';
  if (dbm >= -75) return 'fair';
  return 'poor';
}
