import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type {
  TBrandingDraftResponse,
  TBrandingImageResponse,
  TBrandingVersionList,
  TCustomDomainResponse,
} from '@wisp/shared';
import { BackendError, send } from '$lib/server/api';
import { failLoad, redirectIfSignedOut, requireStaffSession } from '$lib/server/guards';
import { patchFromForm } from '$lib/components/staff/branding-studio/studio-values';
import type { Actions, PageServerLoad } from './$types';

/** Admins only: staff get the same "not found" the backend gives them. */
async function requireAdmin(event: RequestEvent) {
  const staff = await requireStaffSession(event);
  if (staff.role !== 'admin' || !event.locals.tenant) error(404, { message: 'Not found', code: 'NOT_FOUND' });
  return `/api/tenant/${event.locals.tenant.id}/branding`;
}

export const load: PageServerLoad = async (event) => {
  const base = await requireAdmin(event);
  try {
    const [draft, { versions }, { domain }] = await Promise.all([
      send<TBrandingDraftResponse>(event, `${base}/draft`),
      send<TBrandingVersionList>(event, `${base}/versions`),
      send<TCustomDomainResponse>(event, `${base}/domain`),
    ]);
    return { draft, versions, domain, previewBase: '/modules/settings/branding/preview' };
  } catch (err) {
    failLoad(err, event);
  }
};

/** A refused request as the form's answer: field messages as the backend named them. */
function refused(err: unknown, event: RequestEvent, form: string) {
  redirectIfSignedOut(event, err);
  if (err instanceof BackendError && err.status < 500)
    return fail(err.status === 413 ? 400 : err.status, {
      form,
      message: err.body.message,
      errors: err.body.fields ?? {},
    });
  throw err;
}

async function saveFrom(event: RequestEvent, base: string) {
  const form = await event.request.formData();
  return send<TBrandingDraftResponse>(event, base, { method: 'PUT', body: patchFromForm(form) });
}

async function upload(event: RequestEvent, kind: 'logo' | 'favicon') {
  const base = await requireAdmin(event);
  const form = await event.request.formData();
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0)
    return fail(400, {
      form: kind,
      message: '',
      errors: { file: 'Choose an image to upload.' } as Record<string, string>,
    });
  const body = new FormData();
  body.set('file', file, file.name);
  try {
    await send<TBrandingImageResponse>(event, `${base}/${kind}`, { method: 'POST', body });
    return { form: kind, done: 'uploaded' };
  } catch (err) {
    return refused(err, event, kind);
  }
}

async function domainStep(event: RequestEvent, method: string, path: string, body: object) {
  try {
    await send<TCustomDomainResponse>(event, path, { method, body });
    return { form: 'domain', done: 'domain' };
  } catch (err) {
    return refused(err, event, 'domain');
  }
}

export const actions: Actions = {
  save: async (event) => {
    const base = await requireAdmin(event);
    try {
      await saveFrom(event, base);
      return { form: 'studio', done: 'saved' };
    } catch (err) {
      return refused(err, event, 'studio');
    }
  },
  /** Saves what is in the form, then publishes it: what the admin sees is what goes live. */
  publish: async (event) => {
    const base = await requireAdmin(event);
    try {
      await saveFrom(event, base);
      const { version } = await send<{ version: number }>(event, `${base}/publish`, { method: 'POST', body: {} });
      return { form: 'studio', done: 'published', version };
    } catch (err) {
      return refused(err, event, 'studio');
    }
  },
  restore: async (event) => {
    const base = await requireAdmin(event);
    const n = String((await event.request.formData()).get('version') ?? '');
    if (!/^\d{1,7}$/.test(n))
      return fail(400, {
        form: 'history',
        message: '',
        errors: { version: 'No such version.' } as Record<string, string>,
      });
    try {
      const { version } = await send<{ version: number }>(event, `${base}/versions/${n}/restore`, {
        method: 'POST',
        body: {},
      });
      return { form: 'history', done: 'restored', version, restored: Number(n) };
    } catch (err) {
      return refused(err, event, 'history');
    }
  },
  domain: async (event) => {
    const base = await requireAdmin(event);
    const domain = String((await event.request.formData()).get('domain') ?? '');
    return domainStep(event, 'PUT', `${base}/domain`, { domain });
  },
  domainCheck: async (event) => domainStep(event, 'POST', `${await requireAdmin(event)}/domain/check`, {}),
  domainActivate: async (event) => domainStep(event, 'POST', `${await requireAdmin(event)}/domain/activate`, {}),
  logo: (event) => upload(event, 'logo'),
  favicon: (event) => upload(event, 'favicon'),
};
