import { error } from '@sveltejs/kit';
import type { TBranding, TBrandingDraftResponse, TBrandingVersionResponse } from '@wisp/shared';
import { send } from '$lib/server/api';
import { failLoad, requireStaffSession } from '$lib/server/guards';
import { PREVIEW_PAGES, type TPreviewPage } from '$lib/components/staff/branding-studio/preview-samples';
import type { PageServerLoad } from './$types';

/**
 * The studio's preview: a portal page drawn with the DRAFT branding (or, with `?version=n`, a published
 * one), for staff of this tenant only (the backend's `branding.preview`), never cached, and framable
 * by the studio page on this origin only (see hooks/headers.ts).
 */
export const load: PageServerLoad = async (event) => {
  await requireStaffSession(event);
  const page = event.params.page as TPreviewPage;
  if (!PREVIEW_PAGES.includes(page) || !event.locals.tenant) error(404, { message: 'Not found', code: 'NOT_FOUND' });
  event.setHeaders({ 'cache-control': 'no-store' });
  const base = `/api/tenant/${event.locals.tenant.id}/branding`;
  const version = event.url.searchParams.get('version');
  let branding: TBranding;
  let customCss: string;
  try {
    if (version && /^\d{1,7}$/.test(version)) {
      ({ branding, customCss } = await send<TBrandingVersionResponse>(event, `${base}/versions/${version}`));
    } else {
      const res = await send<TBrandingDraftResponse>(event, `${base}/draft`);
      branding = res.draft;
      customCss = res.customCss.css;
    }
  } catch (err) {
    failLoad(err, event);
  }
  return { page, branding, customCss, tenant: event.locals.tenant, live: !version };
};
