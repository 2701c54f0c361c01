import { fail } from '@sveltejs/kit';
import { TICKET_PRIORITIES } from '@wisp/shared/constants';
import type { TSlaPolicy } from '@wisp/shared';
import { m } from '$lib/paraglide/messages';
import { send } from '$lib/server/api';
import { backendFailure, readForm } from '$lib/server/forms';
import { failLoad, redirectStaffIfSignedOut, requireStaffSession } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const KINDS = ['firstResponseMinutes', 'resolutionMinutes'] as const;
/** Form inputs are named `<priority>-<kind>`; the backend names the same field `targets.<priority>.<kind>`. */
const FIELD_MAP = Object.fromEntries(
  TICKET_PRIORITIES.flatMap((p) => KINDS.map((k) => [`targets.${p}.${k}`, `${p}-${k}`])),
);

/** The tenant's SLA targets: every staff member reads them, admins change them (the backend decides). */
export const load: PageServerLoad = async (event) => {
  const staff = await requireStaffSession(event);
  try {
    const { policy } = await send<{ policy: TSlaPolicy }>(event, '/api/settings/service-levels');
    return { staff, policy };
  } catch (err) {
    failLoad(err, event);
  }
};

export const actions: Actions = {
  save: async (event) => {
    await requireStaffSession(event);
    const get = await readForm(event);
    const values: Record<string, string> = {};
    const errors: Record<string, string> = {};
    for (const p of TICKET_PRIORITIES)
      for (const k of KINDS) {
        const name = `${p}-${k}`;
        values[name] = get(name).trim();
        if (!/^\d+$/.test(values[name])) errors[name] = m.sla_settings_error_number();
      }
    if (Object.keys(errors).length) return fail(400, { errors, values });
    const targets = Object.fromEntries(
      TICKET_PRIORITIES.map((p) => [p, Object.fromEntries(KINDS.map((k) => [k, Number(values[`${p}-${k}`])]))]),
    );
    try {
      await send(event, '/api/settings/service-levels', { method: 'PUT', body: { targets } });
    } catch (err) {
      redirectStaffIfSignedOut(event, err);
      return backendFailure(err, values, undefined, FIELD_MAP);
    }
    return { saved: true };
  },
};
