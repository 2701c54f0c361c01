import { afterEach, describe, expect, it, vi } from 'vitest';
import { ZSupportContact } from '@wisp/shared';
import type { TestApp } from '../../../test/harness.ts';
import { twoTenantWorld } from '../../../test/kit.ts';
import { TenantModel, type TTenantDoc } from '../../tenants/tenant.model.ts';
import { getSupportContact } from './contact.service.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
// blue: Chicago, Mon–Fri 08–18, Sat 09–13; green: Denver, Mon–Fri 07–19, Sat 08–16, Sun 10–14.
twoTenantWorld('contact', (w) => ({ t, blue, green } = w));
afterEach(() => vi.useRealTimers());

describe('GET /api/customer-portal/support/contact', () => {
  it('is public within the tenant; an unknown tenant → 404', async () => {
    expect((await t.client('contact-blue').get('/api/customer-portal/support/contact')).status).toBe(200);
    expect((await t.client('contact-nobody').get('/api/customer-portal/support/contact')).status).toBe(404);
  });

  it('gives each tenant its own contact details, timezone and weekly hours', async () => {
    const b = ZSupportContact.parse((await t.client('contact-blue').get('/api/customer-portal/support/contact')).body);
    const g = ZSupportContact.parse((await t.client('contact-green').get('/api/customer-portal/support/contact')).body);
    expect(b).toMatchObject({
      email: 'support@prairiesky.example',
      phone: '+1 402 555 0100',
      website: 'https://prairiesky.example',
      timezone: 'America/Chicago',
    });
    expect(b.weeklyHours).toHaveLength(6);
    expect(g).toMatchObject({ email: 'help@summitridge.example', timezone: 'America/Denver' });
    expect(g.weeklyHours[0]).toEqual({ day: 0, opens: '10:00', closes: '14:00' });
  });

  it('computes open-now on the server from the tenant’s timezone (fixed clock: Thu 18:30 Chicago = Fri 00:30 UTC)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T00:30:00Z') });
    const b = ZSupportContact.parse((await t.client('contact-blue').get('/api/customer-portal/support/contact')).body);
    const g = ZSupportContact.parse((await t.client('contact-green').get('/api/customer-portal/support/contact')).body);
    expect(b).toMatchObject({
      openNow: false,
      closesAt: null,
      nextOpening: { day: 5, time: '08:00', at: '2026-11-27T14:00:00.000Z' },
    });
    expect(g).toMatchObject({ openNow: true, closesAt: '19:00', nextOpening: null }); // Thu 17:30 in Denver
  });
});

describe('getSupportContact (injectable clock)', () => {
  it('a tenant moved to another timezone changes the answer for the same instant', () => {
    const at = new Date('2026-11-28T15:30:00Z'); // Sat 09:30 Chicago, Sat 07:30 Denver
    expect(getSupportContact(blue, at).openNow).toBe(true);
    const blueInDenver = { ...blue, timezone: 'America/Denver' };
    expect(getSupportContact(blueInDenver, at)).toMatchObject({
      openNow: false,
      nextOpening: { day: 6, time: '09:00', at: '2026-11-28T16:00:00.000Z' },
    });
  });

  it('reports whether live chat is on', async () => {
    await TenantModel.updateOne({ _id: green._id }, { $set: { 'branding.features.enableLiveChat': true } });
    const updated = (await TenantModel.findById(green._id).lean<TTenantDoc>())!;
    expect(getSupportContact(updated, new Date()).liveChatEnabled).toBe(true);
    expect(getSupportContact(blue, new Date()).liveChatEnabled).toBe(false);
  });
});
