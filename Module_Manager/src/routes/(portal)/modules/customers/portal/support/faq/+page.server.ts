import { error } from '@sveltejs/kit';
import type { TFaqList } from '@wisp/shared';
import { send } from '$lib/server/api';
import { failLoad } from '$lib/server/guards';
import { faqEnabled } from '$lib/components/customer-portal/support-links';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!faqEnabled(event.locals.tenant!)) error(404, { message: 'Not found', code: 'NOT_FOUND' });
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 200);
  try {
    const faq = await send<TFaqList>(
      event,
      `/api/customer-portal/support/faq${q ? `?q=${encodeURIComponent(q)}` : ''}`,
    );
    return { faq, q };
  } catch (err) {
    failLoad(err, event);
  }
};
