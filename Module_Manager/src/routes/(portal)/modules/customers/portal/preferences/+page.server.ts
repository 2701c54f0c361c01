import { redirect } from '@sveltejs/kit';
import { PORTAL_BASE, portalPath } from '$lib/portal/paths';
import type { Actions, PageServerLoad } from './$types';

const YEAR = 60 * 60 * 24 * 365;

/** Back to the page the form was on (a path of this portal only). */
function back(value: FormDataEntryValue | null): string {
  const v = typeof value === 'string' ? value : '';
  return (v === PORTAL_BASE || v.startsWith(`${PORTAL_BASE}/`)) && !/[\\\s]|\/\//.test(v) ? v : portalPath();
}

export const load: PageServerLoad = () => redirect(303, portalPath());

/**
 * Language and high-contrast choices: plain form posts that set a cookie and return to the page, so
 * they work without JavaScript and are rendered server-side on the next page (no flash).
 */
export const actions: Actions = {
  locale: async ({ request, cookies, url }) => {
    const data = await request.formData();
    const locale = data.get('locale') === 'es' ? 'es' : 'en';
    // Readable by the i18n runtime in the browser (it must agree with the server's choice).
    cookies.set('portal_locale', locale, {
      path: '/',
      maxAge: YEAR,
      httpOnly: false,
      sameSite: 'lax',
      secure: url.protocol === 'https:',
    });
    redirect(303, back(data.get('returnTo')));
  },
  contrast: async ({ request, cookies, url }) => {
    const data = await request.formData();
    const contrast = data.get('contrast') === 'high' ? 'high' : 'normal';
    cookies.set('portal_contrast', contrast, {
      path: '/',
      maxAge: YEAR,
      httpOnly: true,
      sameSite: 'lax',
      secure: url.protocol === 'https:',
    });
    redirect(303, back(data.get('returnTo')));
  },
};
