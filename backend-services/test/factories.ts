import { ZBranding } from '@wisp/shared';
import { TenantModel, type TTenantDoc } from '../src/tenants/tenant.model.ts';
import { CustomerModel, type TCustomerDoc } from '../src/customers/customer.model.ts';
import { DEMO_TENANTS } from '../src/seed/demo-tenants.ts';

let counter = 0;

/** A tenant with the demo branding of `like`, under a fresh slug unless one is given. */
export async function createTenant(
  opts: { slug?: string; like?: 'prairiesky' | 'summitridge'; timezone?: string } = {},
): Promise<TTenantDoc> {
  const demo = DEMO_TENANTS.find((t) => t.slug === (opts.like ?? 'prairiesky'))!;
  const slug = opts.slug ?? `${demo.slug}${++counter}`;
  const doc = await TenantModel.create({
    slug,
    name: demo.name,
    subdomain: slug,
    timezone: opts.timezone ?? demo.timezone,
    defaultCountry: demo.defaultCountry,
    defaultLocale: demo.defaultLocale,
    weeklySupportHours: demo.weeklySupportHours,
    branding: ZBranding.parse(demo.branding),
  });
  return doc.toObject() as TTenantDoc;
}

export async function createCustomer(
  tenant: TTenantDoc,
  overrides: Record<string, unknown> = {},
): Promise<TCustomerDoc> {
  const n = ++counter;
  const doc = await CustomerModel.create({
    tenantId: tenant._id,
    customerId: `C-${1000 + n}`,
    firstName: 'Test',
    lastName: `Customer${n}`,
    email: `customer${n}@example.test`,
    primaryPhone: `+1402555${String(3000 + n).padStart(4, '0')}`,
    serviceStatus: 'active',
    servicePlan: { planName: 'Plus', downloadMbps: 50, uploadMbps: 10, monthlyFee: 69.99 },
    nextBillingDate: new Date(Date.now() + 10 * 24 * 3600 * 1000),
    siteId: 'SITE-A',
    equipment: [
      {
        type: 'cpe',
        make: 'Ubiquiti',
        model: 'LiteBeam 5AC',
        serialNumber: `SN${n}`,
        macAddress: '24:5A:4C:00:00:01',
        firmware: '8.7.11',
      },
    ],
    networkInfo: { signalStrength: -58, lastOnline: new Date(), ipAddress: '100.64.0.10' },
    ...overrides,
  });
  return doc.toObject() as TCustomerDoc;
}
