import type { Auth } from 'firebase-admin/auth';
import { calendarDateFrom, ZBranding } from '@wisp/shared';
import { TenantModel } from '../tenants/tenant.model.ts';
import { CustomerModel } from '../customers/customer.model.ts';
import { DEMO_PASSWORD, DEMO_TENANTS, type DemoTenant } from './demo-tenants.ts';
import { demoCustomers, streetFor, type DemoCustomer } from './demo-customers.ts';
import { seedDemoAuth } from './demo-auth.ts';
import { seedDemoSupport } from './demo-support.ts';
import { seedDemoTickets } from './demo-tickets.ts';
import { StaffMemberModel } from '../team/staff-member.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';

export type SeedSummary = {
  tenants: {
    slug: string;
    name: string;
    /** The admin's email (kept for the tests and scripts that name one staff login). */
    staffEmail: string;
    /** Every seeded staff login of the tenant, admin first: they sign in at `/staff/login`. */
    staffLogins: { email: string; role: 'admin' | 'staff'; name: string }[];
    customerLogins: { customerId: string; email?: string; phone: string; note: string }[];
    signupExample: { customerId: string; phone: string };
  }[];
  password: string;
};

const DAY = 24 * 60 * 60 * 1000;

/**
 * Idempotent: every record is found by its natural key (tenant slug, tenant + customerId, Firebase uid)
 * and updated in place, so running it twice leaves the same data.
 */
export async function seedDemo(auth: Auth, now = new Date()): Promise<SeedSummary> {
  const summary: SeedSummary = { tenants: [], password: DEMO_PASSWORD };
  for (const demo of DEMO_TENANTS) {
    const branding = ZBranding.parse(demo.branding);
    const tenant = await TenantModel.findOneAndUpdate(
      { slug: demo.slug },
      {
        $set: {
          name: demo.name,
          subdomain: demo.slug,
          timezone: demo.timezone,
          defaultCountry: demo.defaultCountry,
          defaultLocale: demo.defaultLocale,
          weeklySupportHours: demo.weeklySupportHours,
          branding,
        },
      },
      { upsert: true, new: true },
    );
    const tenantId = String(tenant._id);
    const staffLogins = demoStaffOf(demo);
    for (const s of staffLogins) {
      await ensureFirebaseUser(auth, {
        uid: `staff-${demo.slug}-${s.role}`,
        email: s.email,
        displayName: s.name,
        emailVerified: true,
        claims: { role: s.role, tenantId },
      });
      await StaffMemberModel.updateOne(
        { tenantId, uid: `staff-${demo.slug}-${s.role}` },
        { $set: { email: s.email, name: s.name, role: s.role, status: 'active' } },
        { upsert: true },
      );
    }
    const staffEmail = staffLogins[0]!.email;

    const customers = demoCustomers(demo);
    for (const [i, c] of customers.entries()) {
      await upsertCustomer(auth, demo, tenantId, c, i, now);
    }
    await seedDemoAuth(auth, tenantId, customers);
    await seedDemoSupport(demo, tenantId, now);
    await seedDemoTickets(
      tenant.toObject() as TTenantDoc,
      customers.slice(0, 3).map((c) => c.customerId),
      now,
    );
    const withLogin = customers.filter((c) => c.portalAccount === 'active');
    summary.tenants.push({
      slug: demo.slug,
      name: demo.name,
      staffEmail,
      staffLogins,
      customerLogins: withLogin.map((c) => ({
        customerId: c.customerId,
        email: c.email,
        phone: c.primaryPhone,
        note: !c.portalEnabled
          ? 'portal access disabled (cannot sign in)'
          : c.serviceStatus === 'suspended'
            ? 'service suspended'
            : `${c.firstName} ${c.lastName}`,
      })),
      signupExample: { customerId: customers[6]!.customerId, phone: customers[6]!.primaryPhone },
    });
  }
  return summary;
}

/** One admin and one plain staff member per tenant (uids `staff-<slug>-admin` / `staff-<slug>-staff`). */
function demoStaffOf(demo: DemoTenant): { email: string; role: 'admin' | 'staff'; name: string }[] {
  return [
    { email: `admin@${demo.slug}.example`, role: 'admin', name: `${demo.name} Admin` },
    { email: `dale@${demo.slug}.example`, role: 'staff', name: 'Dale Porter' },
  ];
}

async function upsertCustomer(auth: Auth, demo: DemoTenant, tenantId: string, c: DemoCustomer, i: number, now: Date) {
  const plan = demo.plans[c.planIndex]!;
  const site = demo.sites[c.siteIndex]!;
  const installedAt = new Date(now.getTime() - (400 + i * 23) * DAY);
  const uid = c.portalAccount ? `cust-${demo.slug}-${c.customerId.toLowerCase()}` : undefined;
  if (uid && c.email) {
    await ensureFirebaseUser(auth, {
      uid,
      email: c.email,
      displayName: `${c.firstName} ${c.lastName}`,
      emailVerified: c.portalAccount === 'active',
      claims: { role: 'customer', tenantId, customerId: c.customerId },
    });
  }
  const nextBilling = calendarDateFrom(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1 + (i % 28))));
  await CustomerModel.updateOne(
    { tenantId, customerId: c.customerId },
    {
      $set: {
        firstName: c.firstName,
        lastName: c.lastName,
        email: c.email,
        primaryPhone: c.primaryPhone,
        serviceAddress: {
          street: streetFor(i),
          city: demo.slug === 'prairiesky' ? 'Wahoo' : 'Estes Park',
          state: demo.slug === 'prairiesky' ? 'NE' : 'CO',
          postalCode: demo.slug === 'prairiesky' ? '68066' : '80517',
          country: 'US',
        },
        serviceStatus: c.serviceStatus,
        servicePlan: plan,
        nextBillingDate: nextBilling,
        siteId: site.siteId,
        equipment: [
          {
            type: 'cpe',
            make: i % 2 ? 'Ubiquiti' : 'Cambium',
            model: i % 2 ? 'LiteBeam 5AC Gen2' : 'ePMP Force 300-25',
            serialNumber: `SN${demo.slug.slice(0, 2).toUpperCase()}${100000 + i * 7919}`,
            macAddress: macFor(demo.slug, i),
            firmware: i % 2 ? 'XC 8.7.11' : '4.7.1',
            installedAt,
          },
          {
            type: 'router',
            make: 'TP-Link',
            model: 'Archer AX55',
            serialNumber: `RT${200000 + i * 104729}`,
            macAddress: macFor(demo.slug, i + 100),
            firmware: '1.3.2',
            installedAt,
          },
        ],
        networkInfo: {
          signalStrength: c.signalStrength,
          lastOnline: new Date(now.getTime() - c.lastOnlineMinutesAgo * 60_000),
          ipAddress: `100.64.${demo.slug === 'prairiesky' ? 10 : 20}.${10 + i}`,
        },
        installations: [
          {
            date: installedAt,
            type: 'installation',
            technicianFirstName: i % 2 ? 'Dale' : 'Marisol',
            customerNotes: 'Radio mounted on the south gable, aimed at ' + site.name + '.',
            internalNotes: 'Ladder needed; dog in yard.',
          },
          ...(i % 3 === 0
            ? [
                {
                  date: new Date(now.getTime() - 60 * DAY),
                  type: 'repair',
                  technicianFirstName: 'Dale',
                  customerNotes: 'Replaced weathered cable and re-aimed the radio.',
                  internalNotes: 'Customer asked about a discount.',
                },
              ]
            : []),
        ],
        // Set as a whole: a customer without a demo account loses any uid an earlier seed gave them.
        portalAccess: {
          enabled: c.portalEnabled,
          ...(uid ? { firebaseUid: uid, accountStatus: c.portalAccount, accountCreatedAt: installedAt } : {}),
        },
      },
    },
    { upsert: true },
  );
}

function macFor(slug: string, i: number) {
  const base = slug === 'prairiesky' ? [0x24, 0x5a, 0x4c] : [0x00, 0x04, 0x56];
  const tail = [0x10 + (i >> 8), i & 0xff, (i * 37) & 0xff];
  return [...base, ...tail]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join(':')
    .toUpperCase();
}

async function ensureFirebaseUser(
  auth: Auth,
  user: { uid: string; email: string; displayName: string; emailVerified: boolean; claims: Record<string, string> },
) {
  const props = {
    email: user.email,
    displayName: user.displayName,
    emailVerified: user.emailVerified,
    password: DEMO_PASSWORD,
    disabled: false,
  };
  try {
    await auth.updateUser(user.uid, props);
  } catch (err) {
    if ((err as { code?: string }).code !== 'auth/user-not-found') throw err;
    await auth.createUser({ uid: user.uid, ...props });
  }
  await auth.setCustomUserClaims(user.uid, user.claims);
}
