import type { DemoTenant } from './demo-tenants.ts';

const FIRST = [
  'Maria',
  'James',
  'Linda',
  'Robert',
  'Ana',
  'David',
  'Susan',
  'Carlos',
  'Emily',
  'Michael',
  'Rosa',
  'Daniel',
  'Karen',
  'Luis',
  'Hannah',
  'Thomas',
  'Grace',
  'Jorge',
  'Olivia',
  'Peter',
];
const LAST = [
  'Hansen',
  'Garcia',
  'Miller',
  'Nguyen',
  'Lopez',
  'Schmidt',
  'Johnson',
  'Martinez',
  'Olsen',
  'Brown',
  'Torres',
  'Wilson',
  'Peterson',
  'Ramirez',
  'Larsen',
  'Anderson',
  'Young',
  'Flores',
  'Becker',
  'Walsh',
];
const STREETS = [
  'County Road 12',
  'Prairie Lane',
  'Old Mill Road',
  'Elk Drive',
  'Cedar Way',
  'Ridge Road',
  'Aspen Court',
  'River Road',
];

export type DemoCustomer = {
  customerId: string;
  firstName: string;
  lastName: string;
  email?: string;
  primaryPhone: string;
  serviceStatus: 'pending' | 'active' | 'suspended' | 'cancelled';
  planIndex: number;
  siteIndex: number;
  /** Demo portal account: 'active' can sign in, 'pending' awaits email verification, undefined has none. */
  portalAccount?: 'active' | 'pending';
  portalEnabled: boolean;
  signalStrength: number;
  lastOnlineMinutesAgo: number;
};

/**
 * Twenty customers per tenant, the same shape for both, built deterministically so re-seeding updates
 * records in place. The first few are the ones the README's demo logins use.
 */
export function demoCustomers(tenant: DemoTenant): DemoCustomer[] {
  const prefix = tenant.slug === 'prairiesky' ? 'PSW' : 'SRI';
  return FIRST.map((firstName, i) => {
    const lastName = LAST[(i * 7) % LAST.length]!;
    const n = i + 1;
    return {
      customerId: `${prefix}-${1000 + n}`,
      firstName,
      lastName,
      // Customer 6 has no email on file: they can only join through a staff invitation.
      email: n === 6 ? undefined : `${firstName}.${lastName}.${n}@${tenant.slug}-customers.example`.toLowerCase(),
      primaryPhone: `+1${tenant.phoneAreaCode}555${String(2000 + n).padStart(4, '0')}`,
      serviceStatus: n === 3 ? 'suspended' : n === 19 ? 'cancelled' : n === 20 ? 'pending' : 'active',
      planIndex: i % tenant.plans.length,
      // Customers 1 and 2 sit on the first site, where the demo outage is.
      siteIndex: n <= 2 ? 0 : i % tenant.sites.length,
      // Customer 8 has an account but no tickets yet: the empty states.
      portalAccount: n <= 4 || n === 8 ? 'active' : n === 5 ? 'pending' : undefined,
      portalEnabled: n !== 4,
      signalStrength: -52 - ((i * 5) % 30),
      lastOnlineMinutesAgo: n === 1 ? 180 : (i * 13) % 50,
    };
  });
}

export function streetFor(i: number) {
  return `${100 + i * 17} ${STREETS[i % STREETS.length]}`;
}
