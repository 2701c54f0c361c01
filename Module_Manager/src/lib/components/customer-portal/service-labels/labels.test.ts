import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { equipmentTypeLabel, visitTypeLabel } from './labels';

afterEach(() => overwriteGetLocale(() => 'en'));

describe('visit and equipment types read as words, not raw values', () => {
  it('labels the known ones in English and Spanish', () => {
    overwriteGetLocale(() => 'en');
    expect(visitTypeLabel('repair')).toBe('Repair visit');
    expect(visitTypeLabel('installation')).toBe('Installation');
    expect(equipmentTypeLabel('cpe')).toBe('Outdoor radio');
    overwriteGetLocale(() => 'es');
    expect(visitTypeLabel('repair')).toBe('Visita de reparación');
    expect(visitTypeLabel('Installation')).toBe('Instalación');
    expect(equipmentTypeLabel('router')).toBe('Router wifi');
  });

  it('tidies an unknown value instead of showing it raw', () => {
    expect(visitTypeLabel('antenna_realignment')).toBe('Antenna realignment');
    expect(equipmentTypeLabel('ups-battery')).toBe('Ups battery');
  });
});
