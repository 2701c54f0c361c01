import { error, type RequestEvent } from '@sveltejs/kit';
import { loadSession, signedInStaff, type StaffActor } from './session.ts';

/**
 * Staff page guard (the hook applies it to every staff path; each staff layout and page calls it
 * again): the signed-in staff member, or 401. Customers get the same answer as anonymous visitors.
 */
export async function requireStaffSession(event: RequestEvent): Promise<StaffActor> {
  const session = event.locals.session ?? (await loadSession(event));
  const staff = signedInStaff(session);
  if (!staff) error(401, { message: 'Please sign in with your staff account.', code: 'STAFF_SIGN_IN_REQUIRED' });
  return staff;
}
