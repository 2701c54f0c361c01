import type { TCustomerSelf, TCustomerTicket } from '@wisp/shared';

/**
 * Made-up content for the studio's preview, shaped exactly as the portal pages receive it from their
 * loads, so the preview renders the real pages and components, never a look-alike.
 */
export const PREVIEW_PAGES = ['sign-in', 'dashboard', 'ticket'] as const;
export type TPreviewPage = (typeof PREVIEW_PAGES)[number];

const now = Date.now();
const ago = (hours: number) => new Date(now - hours * 3600_000).toISOString();

export const sampleCustomer: TCustomerSelf = {
  customerId: 'C-PREVIEW',
  firstName: 'Alex',
  lastName: 'Rivera',
  email: 'alex@example.com',
  serviceStatus: 'active',
  servicePlan: { planName: 'Plus 50', downloadMbps: 50, uploadMbps: 10, monthlyFee: 69.99 },
  nextBillingDate: new Date(now + 9 * 24 * 3600_000).toISOString(),
};

export const sampleTicket: TCustomerTicket = {
  id: 'preview-ticket',
  ticketNumber: 'WO-1042',
  title: 'Internet drops every evening',
  category: 'intermittent',
  priority: 'medium',
  status: 'in-progress',
  createdAt: ago(30),
  lastActivityAt: ago(2),
  unreadStaffReplies: 0,
  hasUnreadStaffReply: false,
  description: 'Since Monday the connection drops for a few minutes around 8 pm.',
  source: 'portal',
  resolvedAt: null,
  closedAt: null,
  statusHistory: [{ from: 'open', to: 'in-progress', byType: 'staff', at: ago(20) }],
  messages: [
    {
      id: 'm1',
      authorType: 'staff',
      authorName: 'Dale (support)',
      body: 'Thanks Alex, we see the drops on our side too. A technician is checking the access point tonight.',
      attachments: [],
      createdAt: ago(20),
    },
    {
      id: 'm2',
      authorType: 'customer',
      authorName: 'Alex Rivera',
      body: 'Great, thank you. I will keep an eye on it.',
      attachments: [],
      createdAt: ago(2),
    },
  ],
  attachments: [],
  diagnostics: null,
  satisfaction: null,
  canClose: true,
  canComment: true,
  canReopen: false,
  reopenUntil: null,
  canRate: false,
};

export const sampleDashboard = {
  customer: sampleCustomer,
  tickets: {
    ok: true as const,
    value: {
      total: 1,
      items: [
        {
          id: sampleTicket.id,
          ticketNumber: sampleTicket.ticketNumber,
          title: sampleTicket.title,
          status: sampleTicket.status,
          lastActivityAt: sampleTicket.lastActivityAt,
        },
      ],
    },
  },
  incidents: { ok: true as const, value: [] },
};
