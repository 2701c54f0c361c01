import { fail } from '@sveltejs/kit';
import type { TStaffTeam } from '@wisp/shared';
import { m } from '$lib/paraglide/messages';
import { send } from '$lib/server/api';
import { backendFailure, readForm } from '$lib/server/forms';
import { failLoad, redirectStaffIfSignedOut, requireStaffSession } from '$lib/server/guards';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The tenant's team (admins only: the backend answers 404 to anyone else, shown as not found). */
export const load: PageServerLoad = async (event) => {
  const staff = await requireStaffSession(event);
  try {
    return { staff, team: await send<TStaffTeam>(event, '/api/staff/team') };
  } catch (err) {
    failLoad(err, event);
  }
};

async function change(event: RequestEvent, body: (get: (name: string) => string) => object | null) {
  await requireStaffSession(event);
  const get = await readForm(event);
  const uid = get('uid');
  const payload = body(get);
  if (!uid || !payload) return fail(400, { uid, errors: {}, message: m.staff_team_error_nothing(), values: {} });
  try {
    await send(event, `/api/staff/team/${encodeURIComponent(uid)}`, { method: 'PATCH', body: payload });
  } catch (err) {
    redirectStaffIfSignedOut(event, err);
    const failure = backendFailure(err, {});
    // Field errors of one row become the row's message, in the summary at the top of the page.
    const data = failure.data;
    const message = data.message ?? Object.values(data.errors)[0];
    return fail(failure.status, { uid, errors: {}, message, values: {} });
  }
  return { uid, saved: true };
}

/** Invite a new member: field errors (a bad email, one already on the team) stay beside the fields. */
async function invite(event: RequestEvent) {
  await requireStaffSession(event);
  const get = await readForm(event);
  const values = { name: get('name').trim(), email: get('email').trim(), role: get('role') };
  const errors: Record<string, string> = {};
  if (!values.name) errors.name = m.staff_team_invite_error_name();
  if (!/^\S+@\S+\.\S+$/.test(values.email)) errors.email = m.staff_team_invite_error_email();
  if (Object.keys(errors).length) return fail(400, { form: 'invite', errors, values });
  try {
    await send(event, '/api/staff/team/invitations', { method: 'POST', body: values });
  } catch (err) {
    redirectStaffIfSignedOut(event, err);
    return backendFailure(err, values, 'invite');
  }
  return { invited: values.email };
}

export const actions: Actions = {
  invite,
  role: (event) => change(event, (get) => (['admin', 'staff'].includes(get('role')) ? { role: get('role') } : null)),
  access: (event) =>
    change(event, (get) =>
      get('disabled') === 'true' ? { disabled: true } : get('disabled') === 'false' ? { disabled: false } : null,
    ),
};
