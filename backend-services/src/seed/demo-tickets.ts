import type { TTicketCategory, TTicketPriority, TTicketStatus } from '@wisp/shared';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { CustomerModel, type TCustomerDoc } from '../customers/customer.model.ts';
import { insertWithNextTicketNumber } from '../tickets/ticket-number.ts';
import { diagnosticsSnapshot } from '../tickets/diagnostics.ts';
import { TicketMessageModel, TicketModel } from '../tickets/ticket.model.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

type Line = { who: 'customer' | 'staff' | 'note'; text: string; hoursAfter: number };
type DemoTicket = {
  key: string;
  customer: 0 | 1 | 2;
  daysAgo: number;
  title: string;
  description: string;
  category: TTicketCategory;
  priority: TTicketPriority;
  /** Statuses after `open`, each with the hours after creation it happened. */
  path: [TTicketStatus, number][];
  lines: Line[];
  rating?: { rating: number; comment?: string };
};

/** Every status for the three demo customers with portal accounts, with conversations and internal notes. */
const DEMO_TICKETS: DemoTicket[] = [
  {
    key: 'slow-evenings',
    customer: 0,
    daysAgo: 1,
    title: 'Internet slow every evening',
    description: 'Speeds drop to 3–5 Mbps between 7 and 10 pm. Daytime is fine.',
    category: 'slow-speed',
    priority: 'medium',
    path: [],
    lines: [
      {
        who: 'note',
        text: 'AP-2 on this sector is at 92% airtime in the evening. Candidate for the channel plan change.',
        hoursAfter: 2,
      },
    ],
  },
  {
    key: 'no-connection-storm',
    customer: 1,
    daysAgo: 0.2,
    title: 'No connection since the storm',
    description: 'All lights on the router are on but nothing loads since last night’s storm.',
    category: 'no-connection',
    priority: 'high',
    path: [],
    lines: [],
  },
  {
    key: 'radio-reboots',
    customer: 0,
    daysAgo: 3,
    title: 'Radio on the roof keeps rebooting',
    description: 'The connection drops for about a minute several times a day.',
    category: 'intermittent',
    priority: 'high',
    path: [['in-progress', 3]],
    lines: [
      {
        who: 'staff',
        text: 'Thanks for the report. We can see the radio restarting in our monitoring; a technician will check the power supply.',
        hoursAfter: 3,
      },
      { who: 'note', text: 'PoE injector model known to fail in heat. Bring a spare on the truck.', hoursAfter: 4 },
      { who: 'customer', text: 'Thank you. I am home all day Thursday.', hoursAfter: 6 },
    ],
  },
  {
    key: 'router-wifi',
    customer: 2,
    daysAgo: 2,
    title: 'Wi-Fi does not reach the back bedroom',
    description: 'The signal is weak at the back of the house. Is there anything you can do?',
    category: 'equipment-failure',
    priority: 'low',
    path: [['in-progress', 5]],
    lines: [
      { who: 'staff', text: 'We can offer a mesh extender. Would you like us to add one to your plan?', hoursAfter: 5 },
    ],
  },
  {
    key: 'billing-double',
    customer: 1,
    daysAgo: 5,
    title: 'Charged twice this month',
    description: 'My card was charged twice on the 1st. Please refund one payment.',
    category: 'billing-issue',
    priority: 'medium',
    path: [
      ['in-progress', 2],
      ['waiting-on-customer', 20],
    ],
    lines: [
      {
        who: 'staff',
        text: 'Sorry about that. Could you send the last four digits of the card so we can find both payments?',
        hoursAfter: 20,
      },
      {
        who: 'note',
        text: 'Payment processor shows one charge and one authorisation hold. Likely no refund needed.',
        hoursAfter: 21,
      },
    ],
  },
  {
    key: 'speed-test',
    customer: 2,
    daysAgo: 4,
    title: 'Speed test results lower than my plan',
    description: 'I pay for 50 Mbps but speed tests show 20.',
    category: 'slow-speed',
    priority: 'medium',
    path: [['waiting-on-customer', 8]],
    lines: [
      {
        who: 'staff',
        text: 'Could you run a speed test with a cable plugged straight into the router and tell us the result?',
        hoursAfter: 8,
      },
    ],
  },
  {
    key: 'dish-aim',
    customer: 0,
    daysAgo: 9,
    title: 'Dish moved in the wind',
    description: 'The dish on the gable looks crooked after the wind and the signal is poor.',
    category: 'equipment-failure',
    priority: 'high',
    path: [
      ['in-progress', 4],
      ['resolved', 50],
    ],
    lines: [
      { who: 'staff', text: 'A technician will re-aim the dish tomorrow morning.', hoursAfter: 4 },
      { who: 'note', text: 'Bracket bent. Replaced with heavy-duty mount, signal -54 dBm after.', hoursAfter: 49 },
      { who: 'staff', text: 'The dish is re-aimed and on a new mount. Your signal is strong again.', hoursAfter: 50 },
    ],
    // A low rating with a comment, so the satisfaction report has one to show (issue 17).
    rating: { rating: 2, comment: 'Fixed in the end, but two days without a usable signal.' },
  },
  {
    key: 'outage-resolved',
    customer: 1,
    daysAgo: 6,
    title: 'Whole street offline',
    description: 'Neighbours are offline too. Is there an outage?',
    category: 'no-connection',
    priority: 'high',
    path: [
      ['in-progress', 1],
      ['resolved', 5],
    ],
    lines: [
      { who: 'staff', text: 'Yes, a tower link failed. Crews are on site.', hoursAfter: 1 },
      { who: 'staff', text: 'Service is restored. Sorry for the trouble!', hoursAfter: 5 },
    ],
    rating: { rating: 5, comment: 'Fast and clear updates, thanks.' },
  },
  {
    key: 'closed-recent',
    customer: 2,
    daysAgo: 10,
    title: 'Question about my static IP',
    description: 'Can I get a static IP address for a camera system?',
    category: 'other',
    priority: 'low',
    path: [
      ['in-progress', 2],
      ['resolved', 24],
      ['closed', 26],
    ],
    lines: [
      {
        who: 'staff',
        text: 'Yes, a static IP is $5/month. We have added it; the address is on your next bill.',
        hoursAfter: 24,
      },
      { who: 'customer', text: 'Perfect, thank you.', hoursAfter: 26 },
    ],
    rating: { rating: 4 },
  },
  {
    key: 'closed-old',
    customer: 0,
    daysAgo: 40,
    title: 'Install date change',
    description: 'Can we move the installation to next week?',
    category: 'other',
    priority: 'low',
    path: [
      ['in-progress', 1],
      ['resolved', 3],
      ['closed', 4],
    ],
    lines: [
      { who: 'staff', text: 'Done, your installation is now next Tuesday morning.', hoursAfter: 3 },
      { who: 'note', text: 'Rescheduled from Dale’s route to Marisol’s.', hoursAfter: 3 },
    ],
  },
];

/**
 * About ten tickets per tenant for its first three demo customers (the ones with portal accounts).
 * Idempotent: each ticket carries a seed key and is created only when that key is missing.
 */
export async function seedDemoTickets(tenant: TTenantDoc, customerIds: string[], now = new Date()): Promise<void> {
  const staffName = `${tenant.branding.company.displayName} Support`;
  for (const spec of DEMO_TICKETS) {
    const seedKey = `demo:${spec.key}`;
    if (await TicketModel.exists({ tenantId: tenant._id, seedKey })) continue;
    const customer = await CustomerModel.findOne({
      tenantId: tenant._id,
      customerId: customerIds[spec.customer],
    }).lean<TCustomerDoc>();
    if (!customer) continue;
    const createdAt = new Date(now.getTime() - spec.daysAgo * DAY);
    const at = (hours: number) => new Date(createdAt.getTime() + hours * HOUR);
    let from: TTicketStatus = 'open';
    const statusHistory = [
      { to: 'open', by: customer.customerId, byType: 'customer', at: createdAt },
      ...spec.path.map(([to, hours]) => {
        const entry = { from, to, by: `admin@${tenant.slug}.example`, byType: 'staff', at: at(hours) };
        from = to;
        return entry;
      }),
    ];
    const last = statusHistory[statusHistory.length - 1]!;
    const status = last.to as TTicketStatus;
    const publicLines = spec.lines.filter((l) => l.who !== 'note');
    const staffReplies = spec.lines.filter((l) => l.who === 'staff');
    const customerLines = spec.lines.filter((l) => l.who === 'customer');
    const lastActivityAt = new Date(Math.max(last.at.getTime(), ...publicLines.map((l) => at(l.hoursAfter).getTime())));
    const ticket = await insertWithNextTicketNumber(
      tenant._id,
      {
        seedKey,
        customerId: customer.customerId,
        title: spec.title,
        description: spec.description,
        category: spec.category,
        priority: spec.priority,
        status,
        source: 'portal',
        statusHistory,
        diagnostics: diagnosticsSnapshot(customer, createdAt),
        lastActivityAt,
        ...(customer.siteId ? { siteId: customer.siteId } : {}),
        lastCustomerMessageAt: new Date(
          Math.max(createdAt.getTime(), ...customerLines.map((l) => at(l.hoursAfter).getTime())),
        ),
        ...(staffReplies.length
          ? {
              firstResponseAt: at(staffReplies[0]!.hoursAfter),
              lastStaffReplyAt: at(staffReplies[staffReplies.length - 1]!.hoursAfter),
            }
          : {}),
        ...(spec.path.some(([s]) => s === 'resolved')
          ? { resolvedAt: at(spec.path.find(([s]) => s === 'resolved')![1]) }
          : {}),
        ...(status === 'closed' ? { closedAt: last.at } : {}),
        ...(spec.rating
          ? { satisfaction: { ...spec.rating, ratedAt: new Date(lastActivityAt.getTime() + HOUR) } }
          : {}),
      },
      createdAt,
    );
    // Back-date the record; mongoose treats createdAt as immutable, so this goes to the collection directly.
    await TicketModel.collection.updateOne({ _id: ticket._id }, { $set: { createdAt, updatedAt: lastActivityAt } });
    for (const line of spec.lines) {
      const isCustomer = line.who === 'customer';
      await new TicketMessageModel({
        tenantId: tenant._id,
        workOrderId: ticket._id,
        visibility: line.who === 'note' ? 'internal' : 'public',
        authorType: isCustomer ? 'customer' : 'staff',
        authorId: isCustomer ? customer.customerId : `admin@${tenant.slug}.example`,
        authorName: isCustomer ? `${customer.firstName} ${customer.lastName}` : staffName,
        body: line.text,
        createdAt: at(line.hoursAfter),
        updatedAt: at(line.hoursAfter),
      }).save({ timestamps: false });
    }
  }
}
