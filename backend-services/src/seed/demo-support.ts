import { FaqArticleModel } from '../support/faq/faq-article.model.ts';
import { IncidentModel } from '../support/incidents/incident.model.ts';
import type { DemoTenant } from './demo-tenants.ts';

type Entry = {
  slug: string;
  kind: 'faq' | 'article';
  category: string;
  title: string;
  body: string;
  published?: boolean;
  order: number;
};

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function prairieSkyEntries(): Entry[] {
  return [
    {
      slug: 'reboot-your-radio',
      kind: 'faq',
      category: 'Connection',
      order: 1,
      title: 'How do I reboot my radio and router?',
      body: 'Most connection problems clear up with a restart in the right order:\n\n1. Unplug the **PoE injector** (the small white box between the roof radio and your router).\n2. Unplug your router.\n3. Wait **30 seconds**, plug the PoE injector back in, wait 2 minutes, then plug in the router.\n\nIf the light on the PoE injector stays off, check the outlet with a lamp before calling us.',
    },
    {
      slug: 'no-internet-lights',
      kind: 'faq',
      category: 'Connection',
      order: 2,
      title: 'My internet is down. What should I check first?',
      body: 'First look at the [service status page](/modules/customers/portal/status): if the North Grain Elevator tower or another tower has a known outage, we are already on it.\n\nThen check that the PoE injector has power and that the cable from the roof is firmly plugged into the **POE** port, not the LAN port.',
    },
    {
      slug: 'slow-in-the-evening',
      kind: 'faq',
      category: 'Speed',
      order: 1,
      title: 'Why is my internet slower in the evening?',
      body: 'Between 7 and 10 pm many neighbours stream at once. Your plan speed is what the tower delivers to your radio; Wi-Fi inside the house often loses more than that.\n\nTry a speed test with a computer **plugged into the router by cable** to see what the radio really gets.',
    },
    {
      slug: 'run-a-speed-test',
      kind: 'faq',
      category: 'Speed',
      order: 2,
      title: 'How do I run a fair speed test?',
      body: '- Use a computer connected by Ethernet cable, not Wi-Fi.\n- Pause downloads, game updates and video streams on other devices.\n- Run the test three times and note the middle result.\n\nSend us the results with the time of day if speeds stay below your plan.',
    },
    {
      slug: 'storms-and-wind',
      kind: 'faq',
      category: 'Connection',
      order: 3,
      title: 'Does wind or a storm affect my signal?',
      body: 'Heavy rain can weaken a 5 GHz link for a few minutes. Strong wind can shift a loosely mounted radio: if your signal stays poor after a storm, we will re-aim it at no charge.',
    },
    {
      slug: 'pay-your-bill',
      kind: 'faq',
      category: 'Billing',
      order: 1,
      title: 'How can I pay my bill?',
      body: 'Pay by card or bank transfer in the portal, by phone at +1 402 555 0100, or by check mailed to 120 Main Street, Wahoo. Autopay charges on your billing date.',
    },
    {
      slug: 'service-suspended',
      kind: 'faq',
      category: 'Billing',
      order: 2,
      title: 'Why was my service suspended?',
      body: 'Service is suspended when a bill is more than 30 days overdue. Call us or pay the balance and we restore service within the hour during business hours.',
    },
    {
      slug: 'moving-house',
      kind: 'faq',
      category: 'Installation',
      order: 1,
      title: 'Can I take my service with me when I move?',
      body: 'If your new home can see one of our towers, yes. We check the line of sight from the new address and move the radio for a reduced installation fee.',
    },
    {
      slug: 'harvest-season-price-change',
      kind: 'faq',
      category: 'Billing',
      order: 9,
      published: false,
      title: 'Plan changes for next year (draft)',
      body: 'Draft — not yet approved by the board. Do not publish.',
    },
    {
      slug: 'line-of-sight-guide',
      kind: 'article',
      category: 'Guides',
      order: 1,
      title: 'Line of sight: why your radio needs to see the tower',
      body: '## What line of sight means\n\nYour roof radio talks to our tower over a narrow radio beam. Grain bins, silos, new buildings and **trees in leaf** can block it.\n\n## Signs the path is blocked\n\n- The signal gets worse in late spring when leaves come out.\n- Speeds drop after a new building goes up nearby.\n\n## What we can do\n\nWe can raise the mast, move the radio to another gable or aim it at a different tower. Ask for a free site check.',
    },
    {
      slug: 'wifi-placement-guide',
      kind: 'article',
      category: 'Guides',
      order: 2,
      title: 'Getting good Wi-Fi across a farmhouse',
      body: '## Put the router in the middle\n\nThick walls and metal siding absorb Wi-Fi. Place the router high and central, away from the microwave.\n\n## Consider a mesh system\n\nFor outbuildings and big houses, a mesh system carries Wi-Fi much further than one router.',
    },
  ];
}

function summitRidgeEntries(): Entry[] {
  return [
    {
      slug: 'restart-your-equipment',
      kind: 'faq',
      category: 'Getting connected',
      order: 1,
      title: 'How do I restart my equipment?',
      body: 'Unplug the power adapter of the outdoor radio (the **PoE** adapter indoors), count to 30, plug it back in and wait until its light is steady. Then restart your Wi-Fi router.',
    },
    {
      slug: 'snow-on-the-dish',
      kind: 'faq',
      category: 'Getting connected',
      order: 2,
      title: 'Can snow and ice block my connection?',
      body: 'Wet snow packed on the radio can weaken the signal. Never climb on an icy roof: the link usually recovers when the sun hits it. If it does not recover within a day, call us.',
    },
    {
      slug: 'trees-and-signal',
      kind: 'faq',
      category: 'Getting connected',
      order: 3,
      title: 'Do pine trees block the signal?',
      body: 'Yes. Pine needles hold water all year and absorb the radio beam. If trees have grown into the path to Eagle Peak or Aspen Ridge, we can re-aim your radio or raise the mount.',
    },
    {
      slug: 'speed-below-plan',
      kind: 'faq',
      category: 'Speed and Wi-Fi',
      order: 1,
      title: 'My speed is below my plan. What can I do?',
      body: 'Test with a cable-connected computer first. Wi-Fi through log walls or stone fireplaces often loses half the speed. If the wired test is slow too, send us the results.',
    },
    {
      slug: 'speed-test-how',
      kind: 'faq',
      category: 'Speed and Wi-Fi',
      order: 2,
      title: 'Which speed test should I use?',
      body: 'Any well-known test works. Run it three times on a wired computer with nothing else streaming, and tell us the time of day: evenings are busiest.',
    },
    {
      slug: 'member-billing',
      kind: 'faq',
      category: 'Membership and billing',
      order: 1,
      title: 'How does co-op billing work?',
      body: 'As a member you pay a monthly plan fee on your billing date. Pay in the portal, by phone at +1 970 555 0142, or at the office at 8 Pine Road, Estes Park.',
    },
    {
      slug: 'seasonal-hold',
      kind: 'faq',
      category: 'Membership and billing',
      order: 2,
      title: 'Can I pause service while I am away for the winter?',
      body: 'Yes. Seasonal members can put service on hold for 2 to 6 months for a small monthly fee that keeps your equipment and place on the tower.',
    },
    {
      slug: 'outage-credit',
      kind: 'faq',
      category: 'Membership and billing',
      order: 3,
      title: 'Do I get a credit for an outage?',
      body: 'For outages longer than 24 hours caused by our network, members receive a pro-rated credit on the next bill automatically.',
    },
    {
      slug: 'fiber-backhaul-upgrade',
      kind: 'faq',
      category: 'Getting connected',
      order: 9,
      published: false,
      title: 'Fiber backhaul upgrade (internal draft)',
      body: 'Draft for the spring newsletter. Not public yet.',
    },
    {
      slug: 'mountain-line-of-sight',
      kind: 'article',
      category: 'Guides',
      order: 1,
      title: 'Mountain line of sight explained',
      body: '## Ridges, valleys and relays\n\nIn the mountains, a direct path to a tower is rare. We use relays such as **Eagle Peak** to hop over ridges.\n\n## Why a small move matters\n\nMoving a radio one metre higher can clear a ridge line or a stand of lodgepole pines.\n\nSee our [status page](/modules/customers/portal/status) before reporting a sudden change.',
    },
    {
      slug: 'cabin-wifi-guide',
      kind: 'article',
      category: 'Guides',
      order: 2,
      title: 'Wi-Fi in log cabins and stone houses',
      body: '## Walls that eat Wi-Fi\n\nLog walls, stone and foil-backed insulation absorb Wi-Fi. Place the router in the open room, not in a closet.\n\n## Extending coverage\n\nA mesh system with one unit per floor works best. Avoid cheap plug-in repeaters: they halve your speed.',
    },
  ];
}

/**
 * The demo's self-service content for one tenant: FAQ entries and guides (one unpublished), an active
 * outage at the tenant's first site (where demo customers 1 and 2 live), one resolved last week and
 * planned maintenance next week. Idempotent: entries by tenant + slug, incidents by tenant + title.
 */
export async function seedDemoSupport(demo: DemoTenant, tenantId: string, now = new Date()): Promise<void> {
  const entries = demo.slug === 'prairiesky' ? prairieSkyEntries() : summitRidgeEntries();
  for (const e of entries) {
    await FaqArticleModel.updateOne(
      { tenantId, slug: e.slug },
      {
        $set: {
          kind: e.kind,
          category: e.category,
          title: e.title,
          bodyMarkdown: e.body,
          published: e.published ?? true,
          order: e.order,
        },
      },
      { upsert: true },
    );
  }

  const [first, second, third] = demo.sites;
  const started = new Date(now.getTime() - 2 * HOUR);
  const isPrairie = demo.slug === 'prairiesky';
  const incidents = [
    {
      title: isPrairie ? `Outage at ${first!.name}` : `No service from ${first!.name}`,
      kind: 'incident',
      status: 'identified',
      affectedSiteIds: [first!.siteId],
      affectedAreas: [first!.name],
      startedAt: started,
      eta: new Date(now.getTime() + 3 * HOUR),
      updates: [
        {
          at: started,
          status: 'investigating',
          message: isPrairie
            ? 'Customers served from the North tower report no connection. We are investigating.'
            : 'Members on Eagle Peak report no service. A technician is checking the relay.',
        },
        {
          at: new Date(started.getTime() + 40 * 60_000),
          status: 'identified',
          message: isPrairie
            ? 'A power supply failed at the tower. A technician is on the way with a replacement.'
            : 'Ice damaged the relay antenna. A crew is heading up the access road.',
        },
      ],
    },
    {
      title: isPrairie ? `Slow speeds around ${second!.name}` : `Intermittent drops on ${second!.name}`,
      kind: 'incident',
      status: 'resolved',
      affectedSiteIds: [second!.siteId],
      affectedAreas: [second!.name],
      startedAt: new Date(now.getTime() - 7 * DAY),
      resolvedAt: new Date(now.getTime() - 7 * DAY + 5 * HOUR),
      updates: [
        {
          at: new Date(now.getTime() - 7 * DAY),
          status: 'investigating',
          message: 'We are seeing reduced speeds for some customers.',
        },
        {
          at: new Date(now.getTime() - 7 * DAY + 2 * HOUR),
          status: 'monitoring',
          message: 'Interference was found and the channel changed. We are watching the link.',
        },
        { at: new Date(now.getTime() - 7 * DAY + 5 * HOUR), status: 'resolved', message: 'Speeds are back to normal.' },
      ],
    },
    {
      title: isPrairie ? `Planned upgrade at ${third!.name}` : `Planned maintenance at ${third!.name}`,
      kind: 'maintenance',
      status: 'investigating',
      affectedSiteIds: [third!.siteId],
      affectedAreas: [third!.name],
      scheduledStart: new Date(now.getTime() + 7 * DAY),
      scheduledEnd: new Date(now.getTime() + 7 * DAY + 2 * HOUR),
      startedAt: new Date(now.getTime() + 7 * DAY),
      updates: [
        {
          at: now,
          status: 'investigating',
          message: 'We will upgrade the tower radios overnight. Expect up to 30 minutes without service.',
        },
      ],
    },
  ];
  for (const incident of incidents) {
    await IncidentModel.updateOne(
      { tenantId, title: incident.title },
      { $set: incident, ...(incident.status === 'resolved' ? {} : { $unset: { resolvedAt: 1 } }) },
      { upsert: true },
    );
  }
}
