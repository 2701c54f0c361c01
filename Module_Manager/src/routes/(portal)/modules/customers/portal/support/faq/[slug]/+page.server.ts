import { error } from '@sveltejs/kit';
import type { TFaqArticle } from '@wisp/shared';
import { send } from '$lib/server/api';
import { failLoad } from '$lib/server/guards';
import { faqEnabled } from '$lib/components/customer-portal/support-links';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!faqEnabled(event.locals.tenant!)) error(404, { message: 'Not found', code: 'NOT_FOUND' });
  if (!/^[a-z0-9-]{1,120}$/.test(event.params.slug)) error(404, { message: 'Not found', code: 'NOT_FOUND' });
  try {
    return { article: await send<TFaqArticle>(event, `/api/customer-portal/support/faq/${event.params.slug}`) };
  } catch (err) {
    failLoad(err, event);
  }
};
