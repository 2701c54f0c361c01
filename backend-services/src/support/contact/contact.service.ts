import type { TSupportContact } from '@wisp/shared';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import { isFeatureEnabled } from '../../platform/access/features.ts';
import { openingStateAt, type WeeklyWindow } from './support-hours.ts';

/** Public: how to reach the tenant's support and whether it is open at `now` (injectable for tests). */
export function getSupportContact(tenant: TTenantDoc, now = new Date()): TSupportContact {
  const company = tenant.branding.company;
  const weeklyHours: WeeklyWindow[] = (tenant.weeklySupportHours ?? [])
    .map((w) => ({ day: w.day, opens: w.opens, closes: w.closes }))
    .filter((w): w is WeeklyWindow => typeof w.day === 'number' && typeof w.opens === 'string' && typeof w.closes === 'string')
    .sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens));
  return {
    companyName: company.displayName,
    email: company.supportEmail ?? null,
    phone: company.supportPhone ?? null,
    address: company.address ?? null,
    website: company.website ?? null,
    timezone: tenant.timezone,
    weeklyHours,
    liveChatEnabled: isFeatureEnabled(tenant, 'enableLiveChat'),
    ...openingStateAt(weeklyHours, tenant.timezone, now),
    asOf: now.toISOString(),
  };
}
