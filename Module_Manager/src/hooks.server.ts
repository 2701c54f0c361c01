import { sequence } from '@sveltejs/kit/hooks';
import { formOrigin } from '$lib/server/hooks/form-origin';
import { guard } from '$lib/server/hooks/guard';
import { headers } from '$lib/server/hooks/headers';
import { locale } from '$lib/server/hooks/locale';
import { proxy } from '$lib/server/hooks/proxy';
import { session } from '$lib/server/hooks/session';
import { tenant } from '$lib/server/hooks/tenant';

/**
 * Every request, in order: security headers on the way out, cross-site form posts refused, `/api/*`
 * forwarded to the backend, then for pages: the tenant, the session, the page guard and the language.
 */
export const handle = sequence(headers, formOrigin, proxy, tenant, session, guard, locale);
