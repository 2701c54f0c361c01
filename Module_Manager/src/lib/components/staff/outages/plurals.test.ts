import { afterEach, describe, expect, it } from 'vitest';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';

const inLocale = (locale: 'en' | 'es') => overwriteGetLocale(() => locale);
afterEach(() => overwriteGetLocale(() => baseLocale));

describe('outage counts on the staff pages', () => {
  it('say "1 customer" / "1 subscriber" and the plural otherwise, in both languages', () => {
    inLocale('en');
    expect(m.outage_site_customers({ count: 1 })).toBe('1 customer');
    expect(m.outage_site_customers({ count: 12 })).toBe('12 customers');
    expect(m.outage_subscribers({ count: 1 })).toBe('1 subscriber');
    expect(m.outage_subscribers({ count: 0 })).toBe('0 subscribers');
    inLocale('es');
    expect(m.outage_site_customers({ count: 1 })).toBe('1 cliente');
    expect(m.outage_subscribers({ count: 3 })).toBe('3 suscriptores');
  });
});
