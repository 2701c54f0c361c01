import type { TSupportContact } from '@wisp/shared';
import { send } from '$lib/server/api';
import { failLoad } from '$lib/server/guards';
import { faqEnabled, statusPageEnabled } from '$lib/components/customer-portal/support-links';
import type { PageServerLoad } from './$types';

/** Public: contact details and hours help most when someone cannot sign in. */
export const load: PageServerLoad = async (event) => {
  try {
    const contact = await send<TSupportContact>(event, '/api/customer-portal/support/contact');
    const tenant = event.locals.tenant!;
    return { contact, showFaq: faqEnabled(tenant), showStatus: statusPageEnabled(tenant) };
  } catch (err) {
    failLoad(err, event);
  }
};
