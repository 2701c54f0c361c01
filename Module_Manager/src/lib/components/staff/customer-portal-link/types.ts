/** What a CustomerPortalLink action answers to its form (keyed by customer: the list shows many). */
export type PortalLinkOutcome = {
  customerId: string;
  done?: 'invited' | 'disabled' | 'enabled' | 'unlocked';
  link?: string;
  sentTo?: string;
  error?: string;
};
