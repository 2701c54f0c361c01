import { redirect } from '@sveltejs/kit';
import { PORTAL_BASE, portalPath } from '$lib/portal/paths';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

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
/** Stores one choice in its cookie for a year and returns to the page; `readable` lets the browser read it. */
function remember(name: string, field: string, readable: boolean, pick: (value: FormDataEntryValue | null) => string) {
  return async ({ request, cookies, url }: RequestEvent) => {
    const data = await request.formData();
    cookies.set(name, pick(data.get(field)), {
      path: '/',
      maxAge: YEAR,
      httpOnly: !readable,
      sameSite: 'lax',
      secure: url.protocol === 'https:',
    });
    redirect(303, back(data.get('returnTo')));
  };
}

export const actions: Actions = {
  // Readable by the i18n runtime in the browser (it must agree with the server's choice).
  locale: remember('portal_locale', 'locale', true, (v) => (v === 'es' ? 'es' : 'en')),
  contrast: remember('portal_contrast', 'contrast', false, (v) => (v === 'high' ? 'high' : 'normal')),
};
